namespace CrmPS.Bizstim
{
    /// <summary>What happened to one input row of Import-BizstimClient (CrmPS.Bizstim.ImportResult).</summary>
    public sealed class ImportResult
    {
        public ImportStatus Status { get; set; }

        /// <summary>1-based position of the row in the input.</summary>
        public long Row { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Email { get; set; }

        /// <summary>The operation (1-based) that carried the row; 0 when it was never sent.</summary>
        public int Batch { get; set; }

        public string Message { get; set; }

        /// <summary>The Bizstim client id(s) the row was found as when CrmPS read it back (after an ambiguous reply); every copy when Duplicated.</summary>
        public int[] ClientIds { get; set; }

        /// <summary>Status Exists: the id of the Bizstim client that already has the row's e-mail or name.</summary>
        public int? ExistingId { get; set; }

        /// <summary>Status Exists: the earlier row of the same input that had the same e-mail or name.</summary>
        public long? DuplicateOfRow { get; set; }
    }
}
