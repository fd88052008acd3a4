using System;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// A Bizstim session (CrmPS.Bizstim.Session); Start and End carry the account time zone's offset.
    /// The id is SessionId, not Id, so a session piped to Get-BizstimClient binds its ClientId.
    /// </summary>
    public sealed class Session
    {
        public int SessionId { get; set; }

        public SessionStatus? Status { get; set; }

        public DateTimeOffset? Start { get; set; }

        public DateTimeOffset? End { get; set; }

        public string Description { get; set; }

        public bool? Confirmed { get; set; }

        public bool? IsGroup { get; set; }

        public int? Slots { get; set; }

        public int? ClientId { get; set; }

        public int? PractitionerId { get; set; }

        public int? ServiceId { get; set; }

        public int? LocationId { get; set; }

        public int? ClassId { get; set; }

        public bool? Display { get; set; }

        public int? WageId { get; set; }

        public int? ClientDueId { get; set; }

        public int? RecurringId { get; set; }

        public bool? IsRecurring { get; set; }

        public string QuickBooksInvoiceId { get; set; }

        public int? CustomMapId { get; set; }

        public bool? ReminderSent { get; set; }

        public bool? TextReminderSent { get; set; }

        public bool? NeedsModeration { get; set; }

        public bool? HasAssessment { get; set; }

        public string Note { get; set; }

        public string PrivateNote { get; set; }

        public string MarketingNote { get; set; }

        public string CancelledClients { get; set; }

        public string Temp { get; set; }

        /// <summary>The raw session_date (yyyy-MM-dd, account time zone).</summary>
        public string Date { get; set; }

        /// <summary>The raw session_start_time (HH:mm, account time zone).</summary>
        public string StartTime { get; set; }

        /// <summary>The raw session_end_time (HH:mm, account time zone).</summary>
        public string EndTime { get; set; }

        /// <summary>The account's IANA time zone.</summary>
        public string TimeZone { get; set; }
    }
}
