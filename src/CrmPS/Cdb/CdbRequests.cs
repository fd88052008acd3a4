using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>Builds the form of each endpoint from the object being created, as NOTES.md reads the vendor page.</summary>
    internal static class CdbRequests
    {
        /// <summary>Event start and end: always day first, always the invariant calendar and separators.</summary>
        public const string DateTimeFormat = "dd/MM/yyyy HH:mm:ss";

        /// <summary>Task due dates.</summary>
        public const string DateFormat = "dd/MM/yyyy";

        public static CdbRequest Customer(Customer customer)
        {
            // The page's field list says "surame"; its example (and the server) use "surname".
            var fields = new FormFields()
                .Add("forename", customer.Forename)
                .Add("surname", customer.Surname)
                .AddIndexed("email", customer.Email)
                .AddIndexed("phone", customer.Phone);
            AddCustomFields(fields, customer.CustomFields);
            return new CdbRequest("api/customer/add", "customer", fields);
        }

        public static CdbRequest Pipeline(Pipeline pipeline)
        {
            var fields = new FormFields()
                .Add("customerid", pipeline.CustomerId)
                .Add("reference", pipeline.Reference)
                .Add("pipelinetypeid", pipeline.PipelineTypeId)
                .AddIfPresent("stageid", pipeline.StageId)
                .AddIfPresent("userid", pipeline.UserId);
            AddCustomFields(fields, pipeline.CustomFields);
            return new CdbRequest("api/pipeline/add", "pipeline", fields);
        }

        public static CdbRequest Note(Note note)
        {
            if (note.PipelineId.HasValue)
            {
                // The field list says "pipelineid", the example sends "pipeline": both are sent, with the same value.
                var onPipeline = new FormFields()
                    .Add("pipelineid", note.PipelineId.Value)
                    .Add("pipeline", note.PipelineId.Value)
                    .Add("note", note.Text);
                return new CdbRequest("api/pipeline/note/add", "pipeline note", onPipeline);
            }

            var onCustomer = new FormFields()
                .Add("customerid", RequireCustomer(note.CustomerId))
                .Add("note", note.Text);
            return new CdbRequest("api/customer/note/add", "customer note", onCustomer);
        }

        public static CdbRequest Event(Event calendarEvent)
        {
            // The field list says "attendeeuser[i]", the example "attendeesuser[i]": both are sent.
            var fields = new FormFields()
                .Add("customerid", calendarEvent.CustomerId)
                .Add("startdatetime", FormatDateTime(calendarEvent.Start))
                .Add("enddatetime", FormatDateTime(calendarEvent.End))
                .Add("name", calendarEvent.Name)
                .AddIfPresent("location", calendarEvent.Location)
                .AddIfPresent("description", calendarEvent.Description)
                .AddIndexed("attendees", calendarEvent.AttendeeId)
                .AddIndexed("attendeeuser", calendarEvent.AttendeeUserId)
                .AddIndexed("attendeesuser", calendarEvent.AttendeeUserId);
            return new CdbRequest("api/customer/event/add", "event", fields);
        }

        public static CdbRequest Task(Task task)
        {
            // The page's examples post tasks to .../event/add; the endpoints are .../task/add.
            var fields = new FormFields();
            string path;
            if (task.PipelineId.HasValue)
            {
                fields.Add("pipelineid", task.PipelineId.Value);
                path = "api/pipeline/task/add";
            }
            else
            {
                fields.Add("customerid", RequireCustomer(task.CustomerId));
                path = "api/customer/task/add";
            }

            fields.Add("datedue", FormatDate(task.DueDate))
                .Add("name", task.Name)
                .AddIfPresent("description", task.Description)
                .AddIndexed("users", task.UserId);
            return new CdbRequest(path, task.PipelineId.HasValue ? "pipeline task" : "customer task", fields);
        }

        public static string FormatDateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

        public static string FormatDate(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

        private static void AddCustomFields(FormFields fields, OrderedDictionary customFields)
        {
            if (customFields == null)
            {
                return;
            }

            int index = 0;
            foreach (DictionaryEntry entry in customFields)
            {
                fields.Add(FormFields.Indexed("keys", index), (string)entry.Key);
                fields.Add(FormFields.Indexed("values", index), (string)entry.Value);
                index++;
            }
        }

        private static int RequireCustomer(int? customerId) =>
            customerId ?? throw new ArgumentException("A note or task needs a customer id or a pipeline id.");
    }
}
