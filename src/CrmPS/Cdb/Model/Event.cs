using System;

namespace CrmPS.Cdb
{
    /// <summary>A calendar event added to a customer (CrmPS.Cdb.Event).</summary>
    public sealed class Event
    {
        public int EventId { get; set; }

        public int CustomerId { get; set; }

        public string Name { get; set; }

        public DateTime Start { get; set; }

        public DateTime End { get; set; }

        public string Location { get; set; }

        public string Description { get; set; }

        /// <summary>The customer ids invited (attendees[i]).</summary>
        public int[] AttendeeId { get; set; }

        /// <summary>The user (staff) ids invited (attendeeuser[i]).</summary>
        public int[] AttendeeUserId { get; set; }
    }
}
