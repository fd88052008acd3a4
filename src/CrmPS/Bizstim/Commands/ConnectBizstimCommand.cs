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

        /// <summary>How many times a GET, PUT or DELETE is sent again after a transient failure (429, 502, 503, 504, timeout, reset).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetry;

        /// <summary>How many pages Get-BizstimClient and Get-BizstimSession fetch at once after the first (1 fetches page by page).</summary>
        [Parameter]
        [ValidateRange(BizstimConnection.MinPageParallelism, BizstimConnection.MaxPageParallelism)]
        public int PageParallelism { get; set; } = BizstimConnection.DefaultPageParallelism;

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
            BizstimConnection connection = Sandbox ? ConnectSandbox(options) : ConnectAccount(options);
            connection.PageParallelism = PageParallelism;
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
            SecureString key = ConnectSteps.KeyOrEnvironment(this, ApiKey, BizstimConnection.Profile);
            return ConnectSteps.Create(this, BizstimConnection.Profile, BaseUri, () => new BizstimConnection(BaseUri, key, Plan, options));
        }
    }
}
