using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommunications.Connect, "Bizstim", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(BizstimConnection))]
    public sealed class ConnectBizstimCommand : PSCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string SandboxSet = "Sandbox";
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.bizstim.invalid/");

        [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
        [ApiKeyTransformation]
        public SecureString ApiKey { get; set; }

        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = BizstimConnection.DefaultBaseUri;

        [Parameter(ParameterSetName = SandboxSet, Mandatory = true)]
        public SwitchParameter Sandbox { get; set; }

        [Parameter]
        public BizstimPlan Plan { get; set; } = BizstimPlan.Enterprise;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ConnectionOptions.DefaultTimeoutSec;

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
            var options = new ConnectionOptions { TimeoutSec = TimeoutSec, Proxy = Proxy, ProxyCredential = ProxyCredential };
            BizstimConnection connection = Sandbox ? ConnectSandbox(options) : ConnectAccount(options);
            ModuleState.Current.Set(connection);
            WriteVerbose($"Connected to Bizstim at {connection.BaseUri} ({connection.Plan} plan: {connection.MaxClientsPerOperation} clients per operation, {connection.OperationsPerHour} operations per hour). It is now the default Bizstim connection of this session.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private BizstimConnection ConnectSandbox(ConnectionOptions options)
        {
            BizstimSandbox sandbox = ModuleState.Current.GetOrAdd(() => new BizstimSandbox());
            sandbox.Plan = Plan;
            return new BizstimConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), Plan, options, new SandboxMessageHandler(sandbox, SandboxBaseUri));
        }

        private BizstimConnection ConnectAccount(ConnectionOptions options)
        {
            SecureString key = ApiKey;
            if (key == null || key.Length == 0)
            {
                string fromEnvironment = Environment.GetEnvironmentVariable(BizstimCmdlet.ApiKeyVariable);
                if (string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"No Bizstim API key: pass -ApiKey, or set $env:{BizstimCmdlet.ApiKeyVariable}. Keys are made under SETTINGS > SYSTEM > API Settings in Bizstim."),
                        "BizstimApiKeyMissing",
                        ErrorCategory.AuthenticationError,
                        null));
                }

                key = SecretText.ToSecureString(fromEnvironment.Trim());
            }

            try
            {
                return new BizstimConnection(BaseUri, key, Plan, options);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BizstimConnectionRefused", ErrorCategory.SecurityError, BaseUri));
                return null;
            }
        }
    }
}
