using System;
using System.Net.Http;
using System.Security;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>A connection to one Bizstim account; its plan sets batch size and hourly budget.</summary>
    public sealed class BizstimConnection : CrmConnection
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://www.bizstim.com/");
        internal const string ServiceName = "Bizstim";

        internal static readonly ServiceProfile<BizstimConnection> Profile = new ServiceProfile<BizstimConnection>(
            ServiceName,
            "Bizstim",
            BizstimCmdlet.ApiKeyVariable,
            "Keys are made under SETTINGS > SYSTEM > API Settings in Bizstim.",
            key => new BizstimConnection(DefaultBaseUri, key, BizstimPlan.Enterprise, new ConnectionOptions()));

        internal const int DefaultPageParallelism = 4;
        internal const int MinPageParallelism = 1;
        internal const int MaxPageParallelism = 16;

        private BizstimPlan _plan;
        private int _pageParallelism = DefaultPageParallelism;
        private TimeSpan? _settlePeriod;

        internal BizstimConnection(Uri baseUri, SecureString apiKey, BizstimPlan plan, ConnectionOptions options, HttpMessageHandler sandboxHandler = null)
            : base(ServiceName, baseUri, apiKey, options, sandboxHandler)
        {
            _plan = plan;
            Budget = new RateBudget(BizstimPlanLimits.OperationsPerHour(plan), TimeSpan.FromHours(1));
        }

        public BizstimPlan Plan
        {
            get => _plan;
            internal set
            {
                _plan = value;
                Budget.Resize(BizstimPlanLimits.OperationsPerHour(value));
            }
        }

        public int MaxClientsPerOperation => BizstimPlanLimits.MaxClientsPerOperation(Plan);

        public int OperationsPerHour => BizstimPlanLimits.OperationsPerHour(Plan);

        /// <summary>How many pages a listing (Get-BizstimClient, Get-BizstimSession) fetches at once after the first; 1 pages one by one.</summary>
        public int PageParallelism
        {
            get => _pageParallelism;
            internal set
            {
                if (value < MinPageParallelism || value > MaxPageParallelism)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"PageParallelism must be from {MinPageParallelism} to {MaxPageParallelism}.");
                }

                _pageParallelism = value;
            }
        }

        /// <summary>
        /// How long an import gives a batch that got no clear answer (a timeout, a reset, a 5xx) to
        /// land before it treats a row not found as absent and sends it again; rows sent again are
        /// checked for a duplicate one more period later. Twice the request timeout unless set
        /// (Connect-Bizstim -SettleSec): a server slow enough to miss the timeout is given that
        /// long again, twice over.
        /// </summary>
        public TimeSpan SettlePeriod
        {
            get => _settlePeriod ?? TimeSpan.FromTicks(RequestTimeout.Ticks * 2);
            internal set => _settlePeriod = value;
        }

        /// <summary>Import operations spent in the last hour, shared by every import on this connection.</summary>
        internal RateBudget Budget { get; }

        internal BizstimApi Api => new BizstimApi(this);

        internal override string Describe() => $"{BaseUri} ({Plan} plan)";

        internal override void Authenticate(HttpRequestMessage message)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", PlainApiKey);
        }
    }
}
