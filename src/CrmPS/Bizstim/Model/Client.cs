namespace CrmPS.Bizstim
{
    /// <summary>A client as the client list returns it (CrmPS.Bizstim.Client).</summary>
    public class Client
    {
        /// <summary>The connection the client was listed from, so Import-BizstimClient can read what the list leaves out; not a property users see.</summary>
        internal BizstimConnection Source { get; set; }

        public int Id { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Address1 { get; set; }

        public string Address2 { get; set; }

        public string City { get; set; }

        public string State { get; set; }

        public string ZipCode { get; set; }

        public string Country { get; set; }

        public string PrimaryPhone { get; set; }

        public string SecondaryPhone { get; set; }

        /// <summary>Text-message numbers, comma separated as Bizstim stores them.</summary>
        public string MobilePhone { get; set; }

        /// <summary>E-mail addresses, comma separated as Bizstim stores them.</summary>
        public string Email { get; set; }

        public int? UserId { get; set; }

        public int? ClientSettingsId { get; set; }

        public int? AvailabilityId { get; set; }

        public override string ToString() => $"{FirstName} {LastName} ({Id})";
    }
}
