using System;

namespace CrmPS.Bizstim
{
    /// <summary>One client with every detail field the single-client endpoint returns (CrmPS.Bizstim.ClientDetail).</summary>
    public sealed class ClientDetail : Client
    {
        public string Username { get; set; }

        public ClientStatus? Status { get; set; }

        public DateTime? DateOfBirth { get; set; }

        public DateTime? StartDate { get; set; }

        public string Notes { get; set; }

        public string TimeZone { get; set; }

        public DateTime? InactiveDate { get; set; }

        public DateTime? InactiveSetDate { get; set; }

        public string InactiveReason { get; set; }

        public string InactiveBy { get; set; }

        public int? QuickBooksCustomerId { get; set; }

        public int? FunnelId { get; set; }

        public string Latitude { get; set; }

        public string Longitude { get; set; }

        public string CalendarColor { get; set; }

        public bool? SendWelcomeMessage { get; set; }

        public bool? SendLessonReminders { get; set; }

        public bool? AddSession { get; set; }

        public bool? SeePractitionerInformation { get; set; }

        public bool? TextReminders { get; set; }

        public bool? UseRecords { get; set; }

        public bool? SessionCancel { get; set; }

        public bool? AvailableCreditException { get; set; }

        public bool? HideCosts { get; set; }

        public bool? DarkMode { get; set; }

        /// <summary>1 = month, 2 = week, 3 = day.</summary>
        public int? CalendarView { get; set; }

        public string MinTime { get; set; }

        public string MaxTime { get; set; }

        public string SlotDuration { get; set; }

        public int? SessionLimit { get; set; }

        public int? CalendarLength { get; set; }
    }
}
