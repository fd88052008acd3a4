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
    }
}
