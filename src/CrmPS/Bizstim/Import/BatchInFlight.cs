using System.Collections.Generic;
using System.Threading.Tasks;

namespace CrmPS.Bizstim
{
    /// <summary>A batch sent to Bizstim whose reply has not been settled yet.</summary>
    internal sealed class BatchInFlight
    {
        public BatchInFlight(List<PendingRow> items, ClientBatch batch, int number, int attempt, Task<ImportOutcome> reply)
        {
            Items = items;
            Batch = batch;
            Number = number;
            Attempt = attempt;
            Reply = reply;
        }

        public List<PendingRow> Items { get; }

        public ClientBatch Batch { get; }

        /// <summary>The operation number (1-based) reported in each row's result.</summary>
        public int Number { get; }

        /// <summary>How many times this batch was refused for the hourly limit and sent again.</summary>
        public int Attempt { get; }

        public Task<ImportOutcome> Reply { get; }
    }
}
