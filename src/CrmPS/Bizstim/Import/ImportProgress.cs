namespace CrmPS.Bizstim
{
    internal sealed class ImportProgress
    {
        public long RowsRead { get; set; }

        public int BatchesSent { get; set; }

        public long Imported { get; set; }

        public long NotImported { get; set; }

        public string CurrentOperation { get; set; }
    }
}
