namespace CrmPS.Bizstim
{
    /// <summary>Bizstim's answer to one sales inquiry (CrmPS.Bizstim.InquiryResult).</summary>
    public sealed class InquiryResult
    {
        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        /// <summary>The vendor's return code, 0 to 5.</summary>
        public int Code { get; set; }

        public bool EmailSent { get; set; }

        public ClientOutcome ClientOutcome { get; set; }

        public string Response { get; set; }
    }
}
