using System;
using System.Management.Automation;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>
    /// The parameters and steps every Connect-* cmdlet shares: a key (or the service's environment
    /// variable) and a base address, or -Sandbox; transport settings; the new connection becomes
    /// the session default and, with -PassThru, the output.
    /// </summary>
    public abstract class ConnectCmdlet<TConnection> : PSCmdlet
        where TConnection : CrmConnection
    {
        protected const string ApiKeySet = "ApiKey";
        protected const string SandboxSet = "Sandbox";

        protected ConnectCmdlet(Uri defaultBaseUri)
        {
            BaseUri = defaultBaseUri;
        }

        [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
        [ApiKeyTransformation]
        public SecureString ApiKey { get; set; }

        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        public SwitchParameter Sandbox { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ConnectionOptions.DefaultTimeoutSec;

        /// <summary>How many times a GET, PUT or DELETE is sent again after a transient failure (429, 502, 503, 504, timeout, reset).</summary>
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

        internal abstract ServiceProfile<TConnection> Profile { get; }

        /// <summary>A connection to this session's in-process emulator of the service.</summary>
        internal abstract TConnection ConnectToSandbox(ConnectionOptions options);

        internal abstract TConnection ConnectWithKey(SecureString key, ConnectionOptions options);

        /// <summary>How the Verbose line describes the new connection.</summary>
        internal virtual string Describe(TConnection connection) => connection.Describe();

        protected override void EndProcessing()
        {
            if (ProxyCredential != null && Proxy == null)
            {
                ThrowTerminatingError(Profile.ProxyCredentialWithoutProxy());
            }

            var options = new ConnectionOptions { TimeoutSec = TimeoutSec, MaxRetry = MaxRetry, Proxy = Proxy, ProxyCredential = ProxyCredential };
            TConnection connection = Sandbox ? ConnectToSandbox(options) : ConnectToAccount(options);
            ModuleState.Current.Set(connection);
            WriteVerbose($"Connected to {Profile.DisplayName} at {Describe(connection)}. It is now the default {Profile.DisplayName} connection of this session.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private TConnection ConnectToAccount(ConnectionOptions options)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(ApiKey)) && (ApiKey == null || ApiKey.Length == 0))
            {
                ThrowTerminatingError(Profile.ApiKeyEmpty());
            }

            SecureString key = ConnectSteps.KeyOrEnvironment(this, ApiKey, Profile);
            return ConnectSteps.Create(this, Profile, BaseUri, () => ConnectWithKey(key, options));
        }
    }
}
