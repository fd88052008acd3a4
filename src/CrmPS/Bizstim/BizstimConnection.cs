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
        private BizstimPlan _plan;

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

        /// <summary>Import operations spent in the last hour, shared by every import on this connection.</summary>
        internal RateBudget Budget { get; }

        internal BizstimApi Api => new BizstimApi(this);

        internal override void Authenticate(HttpRequestMessage message)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", PlainApiKey);
        }
    }
}
