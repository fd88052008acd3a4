using System;

namespace CrmPS.Bizstim
{
    /// <summary>A valid row on its way to Bizstim, with the result that will report it.</summary>
    internal sealed class PendingRow
    {
        public PendingRow(ClientRow row, uint hash, ImportResult result)
        {
            Row = row;
            Hash = hash;
            Result = result;
        }

        public ClientRow Row { get; }

        public uint Hash { get; }

        public ImportResult Result { get; }

        /// <summary>Set once the row has been sent again after an ambiguous reply; it is not sent a third time.</summary>
        public bool Resent { get; set; }

        /// <summary>
        /// The list offset from which this row's client can appear: the client count before the
        /// import plus the rows it had imported when the row was first sent (a lower bound).
        /// </summary>
        public long? ListedFrom { get; set; }

        /// <summary>
        /// When the first send got no clear answer (the server may still have been working on it);
        /// null when Bizstim answered. A row resent after that is checked once more at the end.
        /// </summary>
        public DateTimeOffset? GaveUpAt { get; set; }

        /// <summary>The client this row was found as when the clients were read back; null when not found that way.</summary>
        public int? FoundAs { get; set; }

        /// <summary>Why the first send was ambiguous, for the row's message.</summary>
        public string AmbiguousReason { get; set; }
    }
}
