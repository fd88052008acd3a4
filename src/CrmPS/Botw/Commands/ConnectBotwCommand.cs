using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommunications.Connect, "Botw", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(BotwConnection))]
    public sealed class ConnectBotwCommand : PSCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string SandboxSet = "Sandbox";
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.botw.invalid/");

        [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
        [ApiKeyTransformation]
        public SecureString ApiKey { get; set; }

        /// <summary>The listing (campaign) the BOTW cmdlets use when they are not given -ListingId.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ListingId { get; set; }

        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = BotwConnection.DefaultBaseUri;

        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        public SwitchParameter Sandbox { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ConnectionOptions.DefaultTimeoutSec;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetry;

        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri Proxy { get; set; }

        [Parameter(ParameterSetName = ApiKeySet)]
        [Credential]
        public PSCredential ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var options = new ConnectionOptions { TimeoutSec = TimeoutSec, MaxRetry = MaxRetry, Proxy = Proxy, ProxyCredential = ProxyCredential };
            int? listingId = ListingId > 0 ? ListingId : (int?)null;
            BotwConnection connection = Sandbox ? ConnectSandbox(listingId, options) : ConnectAccount(listingId, options);
            ModuleState.Current.Set(connection);
            WriteVerbose($"Connected to {BotwConnection.DisplayName} at {connection.Describe()}. It is now the default {BotwConnection.DisplayName} connection of this session.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private static BotwConnection ConnectSandbox(int? listingId, ConnectionOptions options)
        {
            BotwSandbox sandbox = ModuleState.Current.GetOrAdd(() => new BotwSandbox());
            return new BotwConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), listingId, options, new SandboxMessageHandler(sandbox, SandboxBaseUri));
        }

        private BotwConnection ConnectAccount(int? listingId, ConnectionOptions options)
        {
            SecureString key = ConnectSteps.KeyOrEnvironment(this, ApiKey, BotwConnection.Profile);
            return ConnectSteps.Create(this, BotwConnection.Profile, BaseUri, () => new BotwConnection(BaseUri, key, listingId, options));
        }
    }
}
