namespace CrmPS.Botw
{
    /// <summary>The outcome of New-BotwContact or Set-BotwContact for one contact (CrmPS.Botw.ContactResult).</summary>
    public sealed class ContactResult
    {
        public ContactOutcome Outcome { get; set; }

        public int ListingId { get; set; }

        /// <summary>
        /// The contact Set-BotwContact updated (given with -Id or found by e-mail or phone), or created when a lookup
        /// found it, or the existing contact's id when the Outcome is Exists; null otherwise (BOTW does not return the
        /// id of a new contact).
        /// </summary>
        public int? Id { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Email { get; set; }

        public string Phone { get; set; }

        /// <summary>BOTW's own message.</summary>
        public string Message { get; set; }
    }
}
