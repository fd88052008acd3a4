using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CrmPS.Core;

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

        /// <summary>A DateTime or text; typed loosely so text is read by the module's date rule (see DateReader), not by the binder's invariant cast.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StartDateTime", "StartTime")]
        public object Start { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EndDateTime", "EndTime")]
        public object End { get; set; }

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

        /// <summary>The form of -Start and -End when given as text not in ISO order (such as 'dd/MM/yyyy HH:mm').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] DateFormat { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var problems = new List<string>();
            var dates = new DateReader(null, DateFormat);
            DateTime start = ReadDate(dates, nameof(Start), Start, problems);
            DateTime end = ReadDate(dates, nameof(End), End, problems);
            var calendarEvent = new Event
            {
                CustomerId = CustomerId,
                Name = Name?.Trim() ?? string.Empty,
                Start = start,
                End = end,
                Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
                Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
                AttendeeId = AttendeeId ?? new int[0],
                AttendeeUserId = AttendeeUserId ?? new int[0],
            };
            object target = InputObject ?? (object)calendarEvent;
            if (calendarEvent.Name.Length == 0)
            {
                problems.Add("Name is required and is empty.");
            }

            if (problems.Count == 0 && end < start)
            {
                problems.Add($"End ({Shown(end)}) is before Start ({Shown(start)}).");
            }

            if (problems.Count > 0)
            {
                WriteInvalid("CdbEventInvalid", "event", problems, target);
                return;
            }

            string when = $"{Shown(start)} to {Shown(end)}";
            int? id = Create(CdbRequests.Event(calendarEvent), $"customer {CustomerId}", $"Add event '{calendarEvent.Name}' ({when})", target);
            if (id.HasValue)
            {
                calendarEvent.EventId = id.Value;
                WriteObject(calendarEvent);
            }
        }

        private static DateTime ReadDate(DateReader dates, string field, object value, List<string> problems)
        {
            if (dates.TryRead(value, dateOnly: false, out DateTime date, out string problem))
            {
                return date;
            }

            problems.Add($"{field} {problem}");
            return default;
        }

        private static string Shown(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
