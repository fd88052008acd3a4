using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommunications.Connect, "Cdb", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(CdbConnection))]
    public sealed class ConnectCdbCommand : PSCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string SandboxSet = "Sandbox";
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.customerdatabase.invalid/");

        [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
        [ApiKeyTransformation]
        public SecureString ApiKey { get; set; }

        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = CdbConnection.DefaultBaseUri;

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
            CdbConnection connection = Sandbox ? ConnectSandbox(options) : ConnectAccount(options);
            ModuleState.Current.Set(connection);
            WriteVerbose($"Connected to {CdbConnection.DisplayName} at {connection.BaseUri}. It is now the default {CdbConnection.DisplayName} connection of this session.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private static CdbConnection ConnectSandbox(ConnectionOptions options)
        {
            CdbSandbox sandbox = ModuleState.Current.GetOrAdd(() => new CdbSandbox());
            return new CdbConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), options, new SandboxMessageHandler(sandbox, SandboxBaseUri));
        }

        private CdbConnection ConnectAccount(ConnectionOptions options)
        {
            SecureString key = ConnectSteps.KeyOrEnvironment(this, ApiKey, CdbConnection.Profile);
            return ConnectSteps.Create(this, CdbConnection.Profile, BaseUri, () => new CdbConnection(BaseUri, key, options));
        }
    }
}
