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

        internal override ServiceProfile<BizstimConnection> Profile => BizstimConnection.Profile;

        internal override BizstimConnection ConnectToSandbox(ConnectionOptions options)
        {
            BizstimSandbox sandbox = ModuleState.Current.GetOrAdd(() => new BizstimSandbox());
            sandbox.Plan = Plan;
            return Configure(new BizstimConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), Plan, options, new SandboxMessageHandler(sandbox, SandboxBaseUri)));
        }

        internal override BizstimConnection ConnectWithKey(SecureString key, ConnectionOptions options) =>
            Configure(new BizstimConnection(BaseUri, key, Plan, options));

        internal override string Describe(BizstimConnection connection) =>
            $"{connection.BaseUri} ({connection.Plan} plan: {connection.MaxClientsPerOperation} clients per operation, {connection.OperationsPerHour} operations per hour)";

        private BizstimConnection Configure(BizstimConnection connection)
        {
            connection.PageParallelism = PageParallelism;
            return connection;
        }
    }
}
