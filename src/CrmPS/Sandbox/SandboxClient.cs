using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// A Bizstim client record with every field GET /api/client documents. Wire names are given where
    /// the property name differs.
    /// </summary>
    public sealed class SandboxClient
    {
        public int Id { get; set; }

        public int UsersId { get; set; }

        public int ClientSettingsId { get; set; }

        public int AvailId { get; set; }

        public int QbCustomerId { get; set; }

        public string FirstName { get; set; } = "";

        public string LastName { get; set; } = "";

        public string Address1 { get; set; } = "";

        public string Address2 { get; set; } = "";

        public string City { get; set; } = "";

        public string State { get; set; } = "";

        public string Zipcode { get; set; } = "";

        public string Country { get; set; } = "";

        /// <summary>p_phone</summary>
        public string PrimaryPhone { get; set; } = "";

        /// <summary>s_phone</summary>
        public string SecondaryPhone { get; set; } = "";

        /// <summary>text_phone: comma-separated mobile numbers.</summary>
        public string TextPhone { get; set; } = "";

        public string Latitude { get; set; } = "";

        public string Longitude { get; set; } = "";

        public DateTime? Dob { get; set; }

        /// <summary>active, inactive or prospect.</summary>
        public string Status { get; set; } = "active";

        /// <summary>yyyy-MM-dd or "".</summary>
        public string InactiveDate { get; set; } = "";

        /// <summary>yyyy-MM-dd or "".</summary>
        public string InactiveSetDate { get; set; } = "";

        public string InactiveReason { get; set; } = "";

        public string InactiveWho { get; set; } = "";

        public int FunnelId { get; set; }

        public string CalendarColor { get; set; } = "#8874bc";

        public DateTime? StartDate { get; set; }

        public string Notes { get; set; } = "";

        public string Timezone { get; set; } = "America/Los_Angeles";

        public bool SendWelcomeMessage { get; set; }

        public bool SendLessonReminders { get; set; } = true;

        public bool AddSession { get; set; }

        public bool SeePractsInformation { get; set; } = true;

        public bool TextReminders { get; set; } = true;

        public bool UseRecords { get; set; }

        public bool SessionCancel { get; set; }

        /// <summary>ace: available credit exception.</summary>
        public bool Ace { get; set; }

        /// <summary>"hide costs" on the page; sent as hide_costs.</summary>
        public bool HideCosts { get; set; }

        public string Username { get; set; } = "";

        /// <summary>Comma-separated e-mail addresses.</summary>
        public string Email { get; set; } = "";

        public bool Dark { get; set; }

        /// <summary>1 = month, 2 = week, 3 = day.</summary>
        public int Calendar { get; set; } = 1;

        public string MinTime { get; set; } = "08:00:00";

        public string MaxTime { get; set; } = "24:00:00";

        public string SlotDuration { get; set; } = "00:15:00";

        public int SessionLimit { get; set; } = 10;

        public int CalLength { get; set; } = 1200;

        /// <summary>Custom field values keyed by the full header label, e.g. "105_custom_id_for_student_id".</summary>
        public IDictionary<string, string> CustomFields { get; set; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public IList<string> Tags { get; set; } = new List<string>();

        public IEnumerable<string> EmailAddresses =>
            (Email ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0);

        public SandboxClient Clone()
        {
            var copy = (SandboxClient)MemberwiseClone();
            copy.CustomFields = new Dictionary<string, string>(
                CustomFields ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            copy.Tags = new List<string>(Tags ?? new List<string>());
            return copy;
        }
    }
}
