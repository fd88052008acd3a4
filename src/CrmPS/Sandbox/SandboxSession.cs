namespace CrmPS.Sandbox
{
    /// <summary>A Bizstim session; dates and times are wall-clock values in the account time zone.</summary>
    public sealed class SandboxSession
    {
        public int Id { get; set; }

        /// <summary>0 = pending, 1 = confirmed.</summary>
        public int Confirmed { get; set; }

        /// <summary>0 = single session, 1 = group session.</summary>
        public int Multi { get; set; }

        public int Slots { get; set; }

        public int ClassId { get; set; }

        public int Display { get; set; } = 1;

        /// <summary>pract_id (the page's field list says pract_d; the JSON says pract_id).</summary>
        public int PractId { get; set; }

        public int WageId { get; set; }

        public int ClientId { get; set; }

        public int ClientDueId { get; set; }

        /// <summary>client_id|client_dues_id|temp_session_id entries, comma-separated.</summary>
        public string CancelClients { get; set; } = "";

        public string Temp { get; set; } = "0";

        public int ServiceId { get; set; }

        public int LocationId { get; set; }

        public int RecurrId { get; set; }

        public int RecurrOn { get; set; }

        public string QbInvoiceId { get; set; } = "0";

        /// <summary>0 = open, 1 = canceled, 2 = missed, 3 = saved.</summary>
        public int SessionStatus { get; set; }

        public int CustomMapId { get; set; }

        public int SessionReminder { get; set; }

        public int SessionSms { get; set; }

        public string SessionDescription { get; set; } = "";

        /// <summary>yyyy-MM-dd.</summary>
        public string SessionDate { get; set; } = "";

        /// <summary>HH:mm.</summary>
        public string SessionStartTime { get; set; } = "";

        /// <summary>HH:mm.</summary>
        public string SessionEndTime { get; set; } = "";

        public string SessionNote { get; set; } = "";

        public string SessionPrivateNote { get; set; } = "";

        public string SessionOtherNote { get; set; } = "";

        public int AssessmentModeration { get; set; }

        public int AssessmentPresent { get; set; }

        public SandboxSession Clone() => (SandboxSession)MemberwiseClone();
    }
}
