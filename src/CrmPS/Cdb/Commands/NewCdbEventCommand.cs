using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommon.New, "CdbEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Event))]
    public sealed class NewCdbEventCommand : CdbCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_id")]
        [ValidateRange(1, int.MaxValue)]
        public int CustomerId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Title", "Subject")]
        [AllowEmptyString]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StartDateTime", "StartTime")]
        public DateTime Start { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EndDateTime", "EndTime")]
        public DateTime End { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Place")]
        public string Location { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        /// <summary>Customer ids to invite (attendees[i]).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateRange(1, int.MaxValue)]
        public int[] AttendeeId { get; set; }

        /// <summary>User (staff) ids to invite (attendeeuser[i]).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateRange(1, int.MaxValue)]
        public int[] AttendeeUserId { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var calendarEvent = new Event
            {
                CustomerId = CustomerId,
                Name = Name?.Trim() ?? string.Empty,
                Start = Start,
                End = End,
                Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
                Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
                AttendeeId = AttendeeId ?? new int[0],
                AttendeeUserId = AttendeeUserId ?? new int[0],
            };
            object target = InputObject ?? (object)calendarEvent;
            var problems = new List<string>();
            if (calendarEvent.Name.Length == 0)
            {
                problems.Add("Name is required and is empty.");
            }

            if (End < Start)
            {
                problems.Add($"End ({Shown(End)}) is before Start ({Shown(Start)}).");
            }

            if (problems.Count > 0)
            {
                WriteInvalid("CdbEventInvalid", "event", problems, target);
                return;
            }

            string when = $"{Shown(Start)} to {Shown(End)}";
            int? id = Create(CdbRequests.Event(calendarEvent), $"customer {CustomerId}", $"Add event '{calendarEvent.Name}' ({when})", target);
            if (id.HasValue)
            {
                calendarEvent.EventId = id.Value;
                WriteObject(calendarEvent);
            }
        }

        private static string Shown(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
