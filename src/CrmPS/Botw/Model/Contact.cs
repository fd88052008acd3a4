using System;

namespace CrmPS.Botw
{
    /// <summary>A BOTW CRM contact as Get-BotwContact shows it (CrmPS.Botw.Contact).</summary>
    public sealed class Contact
    {
        public int Id { get; set; }

        public string UniqueId { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Email { get; set; }

        public string Phone { get; set; }

        /// <summary>When BOTW created the contact, as the server states it (no time zone is given).</summary>
        public DateTime? Created { get; set; }

        public string IpAddress { get; set; }

        public string Source { get; set; }

        public string Status { get; set; }

        /// <summary>The listing (campaign) the contact was read from.</summary>
        public int ListingId { get; set; }
    }
}
