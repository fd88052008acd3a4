using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommunications.Connect, "Bizstim", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(BizstimConnection))]
    public sealed class ConnectBizstimCommand : ConnectCmdlet<BizstimConnection>
    {
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.bizstim.invalid/");

        public ConnectBizstimCommand()
            : base(BizstimConnection.DefaultBaseUri)
        {
        }

        [Parameter]
        public BizstimPlan Plan { get; set; } = BizstimPlan.Enterprise;

        /// <summary>How many pages Get-BizstimClient and Get-BizstimSession fetch at once after the first (1 fetches page by page).</summary>
        [Parameter]
        [ValidateRange(BizstimConnection.MinPageParallelism, BizstimConnection.MaxPageParallelism)]
        public int PageParallelism { get; set; } = BizstimConnection.DefaultPageParallelism;

        /// <summary>With -Sandbox: a sandbox of its own, one account per name, so a copy between two accounts can be rehearsed.</summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidatePattern("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
        public string Name { get; set; }

        /// <summary>Seconds an import gives a batch that got no clear answer to land before it sends its missing rows again (default: twice -TimeoutSec).</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int SettleSec { get; set; }

        internal override ServiceProfile<BizstimConnection> Profile => BizstimConnection.Profile;

        internal override BizstimConnection ConnectToSandbox(ConnectionOptions options)
        {
            BizstimSandbox sandbox = Name == null
                ? ModuleState.Current.GetOrAdd(() => new BizstimSandbox())
                : ModuleState.Current.GetOrAdd(() => new NamedBizstimSandboxes()).Get(Name);
            Uri baseUri = Name == null ? SandboxBaseUri : new Uri($"https://{Name.ToLowerInvariant()}.{SandboxBaseUri.Host}/");
            sandbox.Plan = Plan;
            return Configure(new BizstimConnection(baseUri, SecretText.ToSecureString("sandbox"), Plan, options, new SandboxMessageHandler(sandbox, baseUri)));
        }

        internal override BizstimConnection ConnectWithKey(SecureString key, ConnectionOptions options) =>
            Configure(new BizstimConnection(BaseUri, key, Plan, options));

        internal override string Describe(BizstimConnection connection) =>
            $"{connection.BaseUri} ({connection.Plan} plan: {connection.MaxClientsPerOperation} clients per operation, {connection.OperationsPerHour} operations per hour)";

        private BizstimConnection Configure(BizstimConnection connection)
        {
            connection.PageParallelism = PageParallelism;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(SettleSec)))
            {
                connection.SettlePeriod = TimeSpan.FromSeconds(SettleSec);
            }

            return connection;
        }
    }
}
