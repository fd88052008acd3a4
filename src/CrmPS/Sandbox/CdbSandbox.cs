using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CrmPS.Core;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// An in-memory Customer Database App account answering the seven documented endpoints as
    /// NOTES.md reads them: multipart POSTs, the Apikey header, and {"message","result"} replies
    /// (result false, with HTTP 200, for input the server refuses). All members are thread-safe.
    /// </summary>
    public sealed class CdbSandbox : RecordingSandbox
    {
        public const int FirstCustomerId = 10428;
        public const int FirstPipelineId = 1337;
        public const int FirstNoteId = 431;
        public const int FirstEventId = 564;
        public const int FirstTaskId = 743;
        public const string EventDateFormat = "dd/MM/yyyy HH:mm:ss";
        public const string TaskDateFormat = "dd/MM/yyyy";

        private static readonly Regex Address = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        private static readonly Regex FieldId = new Regex("^f-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private readonly List<CdbSandboxCustomer> _customers = new List<CdbSandboxCustomer>();
        private readonly List<CdbSandboxPipeline> _pipelines = new List<CdbSandboxPipeline>();
        private readonly List<CdbSandboxNote> _notes = new List<CdbSandboxNote>();
        private readonly List<CdbSandboxEvent> _events = new List<CdbSandboxEvent>();
        private readonly List<CdbSandboxTask> _tasks = new List<CdbSandboxTask>();

        public CdbSandbox(IClock clock = null, string apiKey = null)
            : base(clock, apiKey)
        {
        }

        public IReadOnlyList<CdbSandboxCustomer> Customers => Snapshot(_customers, x => x);

        public IReadOnlyList<CdbSandboxPipeline> Pipelines => Snapshot(_pipelines, x => x);

        public IReadOnlyList<CdbSandboxNote> Notes => Snapshot(_notes, x => x);

        public IReadOnlyList<CdbSandboxEvent> Events => Snapshot(_events, x => x);

        public IReadOnlyList<CdbSandboxTask> Tasks => Snapshot(_tasks, x => x);

        /// <summary>Stores a customer directly (not an API call), for tests and rehearsals that need an existing customer.</summary>
        public CdbSandboxCustomer AddCustomer(string forename, string surname, string email)
        {
            lock (Gate)
            {
                return StoreCustomer(forename, surname, new[] { email }, new string[0], new Dictionary<string, string>());
            }
        }

        internal override string PresentedKey(IDictionary<string, string> headers) =>
            headers.TryGetValue("Apikey", out string key) ? key : null;

        internal override SandboxResponse Unauthorized() => Failure(401, "Invalid API key.");

        internal override SandboxResponse Route(SandboxRequest request, SandboxRecordedRequest record) => Route(request, record.Form);

        private SandboxResponse Route(SandboxRequest request, SandboxForm form)
        {
            string[] segments = SandboxUrl.Segments(request.Path);
            if (segments.Length < 3 || segments[0] != "api")
            {
                return Failure(404, "Unknown endpoint.");
            }

            string endpoint = string.Join("/", segments.Skip(1));
            Func<SandboxForm, SandboxResponse> handler = Endpoint(endpoint);
            if (handler == null)
            {
                return Failure(404, "Unknown endpoint.");
            }

            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                return Failure(405, "Only POST is supported.");
            }

            if (form.Kind != "multipart" || form.Error != null)
            {
                return Failure(400, "The request body must be multipart/form-data" + (form.Error == null ? "." : ": " + form.Error));
            }

            return handler(form);
        }

        private Func<SandboxForm, SandboxResponse> Endpoint(string endpoint)
        {
            switch (endpoint)
            {
                case "customer/add": return AddCustomer;
                case "pipeline/add": return AddPipeline;
                case "customer/note/add": return form => AddNote(form, onPipeline: false);
                case "pipeline/note/add": return form => AddNote(form, onPipeline: true);
                case "customer/event/add": return AddEvent;
                case "customer/task/add": return form => AddTask(form, onPipeline: false);
                case "pipeline/task/add": return form => AddTask(form, onPipeline: true);
                default: return null;
            }
        }

        private SandboxResponse AddCustomer(SandboxForm form)
        {
            var check = new Check();
            string forename = check.Required(form, "forename");
            string surname = check.Required(form, "surname");
            List<string> emails = form.Indexed("email").Select(e => e.Value.Trim()).Where(e => e.Length > 0).ToList();
            if (emails.Count == 0) check.Fail("email[0] is required.");
            foreach (string email in emails.Where(e => !Address.IsMatch(e))) check.Fail($"'{email}' is not a valid e-mail address.");
            List<string> phones = form.Indexed("phone").Select(p => p.Value.Trim()).Where(p => p.Length > 0).ToList();
            Dictionary<string, string> customFields = CustomFields(form, check);
            if (check.Problem != null) return Failure(200, check.Problem);
            return Created(StoreCustomer(forename, surname, emails, phones, customFields).Id);
        }

        private SandboxResponse AddPipeline(SandboxForm form)
        {
            var check = new Check();
            int customerId = ExistingCustomer(form, "customerid", check);
            string reference = check.Required(form, "reference");
            int typeId = check.Number(form, "pipelinetypeid", required: true) ?? 0;
            int? stageId = check.Number(form, "stageid", required: false);
            int? userId = check.Number(form, "userid", required: false);
            Dictionary<string, string> customFields = CustomFields(form, check);
            if (check.Problem != null) return Failure(200, check.Problem);
            var pipeline = new CdbSandboxPipeline
            {
                Id = FirstPipelineId + _pipelines.Count,
                CustomerId = customerId,
                Reference = reference,
                PipelineTypeId = typeId,
                StageId = stageId,
                UserId = userId,
                CustomFields = customFields,
            };
            _pipelines.Add(pipeline);
            return Created(pipeline.Id);
        }

        private SandboxResponse AddNote(SandboxForm form, bool onPipeline)
        {
            var check = new Check();
            (int? customerId, int? pipelineId) = Parent(form, onPipeline, check);

            string text = check.Required(form, "note");
            if (check.Problem != null) return Failure(200, check.Problem);
            var note = new CdbSandboxNote { Id = FirstNoteId + _notes.Count, CustomerId = customerId, PipelineId = pipelineId, Text = text };
            _notes.Add(note);
            return Created(note.Id);
        }

        /// <summary>The existing customer or pipeline a note or task is added to; problems go to <paramref name="check"/>.</summary>
        private (int? CustomerId, int? PipelineId) Parent(SandboxForm form, bool onPipeline, Check check) =>
            onPipeline ? ((int?)null, (int?)ExistingPipeline(form, check)) : (ExistingCustomer(form, "customerid", check), (int?)null);

        private SandboxResponse AddEvent(SandboxForm form)
        {
            var check = new Check();
            int customerId = ExistingCustomer(form, "customerid", check);
            DateTime? start = check.Date(form, "startdatetime", EventDateFormat);
            DateTime? end = check.Date(form, "enddatetime", EventDateFormat);
            if (start.HasValue && end.HasValue && end < start) check.Fail("enddatetime is before startdatetime.");
            string name = check.Required(form, "name");
            List<int> attendees = check.Numbers(form, "attendees");
            List<int> users = check.Numbers(form, "attendeeuser").Concat(check.Numbers(form, "attendeesuser")).Distinct().ToList();
            if (check.Problem != null) return Failure(200, check.Problem);
            var calendarEvent = new CdbSandboxEvent
            {
                Id = FirstEventId + _events.Count,
                CustomerId = customerId,
                Name = name,
                Start = start.Value,
                End = end.Value,
                Location = form.Text("location"),
                Description = form.Text("description"),
                Attendees = attendees,
                AttendeeUsers = users,
            };
            _events.Add(calendarEvent);
            return Created(calendarEvent.Id);
        }

        private SandboxResponse AddTask(SandboxForm form, bool onPipeline)
        {
            var check = new Check();
            (int? customerId, int? pipelineId) = Parent(form, onPipeline, check);

            DateTime? due = check.Date(form, "datedue", TaskDateFormat);
            string name = check.Required(form, "name");
            List<int> users = check.Numbers(form, "users");
            if (check.Problem != null) return Failure(200, check.Problem);
            var task = new CdbSandboxTask
            {
                Id = FirstTaskId + _tasks.Count,
                CustomerId = customerId,
                PipelineId = pipelineId,
                Name = name,
                DueDate = due.Value,
                Description = form.Text("description"),
                Users = users,
            };
            _tasks.Add(task);
            return Created(task.Id);
        }

        private CdbSandboxCustomer StoreCustomer(string forename, string surname, IList<string> emails, IList<string> phones, Dictionary<string, string> customFields)
        {
            var customer = new CdbSandboxCustomer
            {
                Id = FirstCustomerId + _customers.Count,
                Forename = forename,
                Surname = surname,
                Emails = emails.ToList(),
                Phones = phones.ToList(),
                CustomFields = customFields,
            };
            _customers.Add(customer);
            return customer;
        }

        private int ExistingCustomer(SandboxForm form, string field, Check check)
        {
            int? id = check.Number(form, field, required: true);
            if (id.HasValue && _customers.All(c => c.Id != id.Value)) check.Fail($"Customer {id.Value} was not found.");
            return id ?? 0;
        }

        /// <summary>pipelineid (the field list) or pipeline (the example); when both are sent they must agree.</summary>
        private int? ExistingPipeline(SandboxForm form, Check check)
        {
            string listed = form.Text("pipelineid");
            string example = form.Text("pipeline");
            if (listed != null && example != null && listed != example)
            {
                check.Fail("pipelineid and pipeline differ.");
                return null;
            }

            int? id = check.Number(form, listed != null || example == null ? "pipelineid" : "pipeline", required: true);
            if (id.HasValue && _pipelines.All(p => p.Id != id.Value)) check.Fail($"Pipeline {id.Value} was not found.");
            return id;
        }

        private static Dictionary<string, string> CustomFields(SandboxForm form, Check check)
        {
            var keys = form.Indexed("keys").ToDictionary(k => k.Key, k => k.Value.Trim());
            var values = form.Indexed("values").ToDictionary(v => v.Key, v => v.Value);
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (int index in keys.Keys.Union(values.Keys).OrderBy(i => i))
            {
                if (!keys.TryGetValue(index, out string key)) check.Fail($"values[{index}] has no keys[{index}].");
                else if (!values.TryGetValue(index, out string value)) check.Fail($"keys[{index}] has no values[{index}].");
                else if (!FieldId.IsMatch(key)) check.Fail($"keys[{index}] '{key}' is not a custom field id.");
                else fields[key] = value;
            }

            return fields;
        }

        private static SandboxResponse Created(int id) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("message", id.ToString(CultureInfo.InvariantCulture));
                w.WriteBoolean("result", true);
            });

        private static SandboxResponse Failure(int status, string message) =>
            SandboxJson.Response(status, w =>
            {
                w.WriteString("message", message);
                w.WriteBoolean("result", false);
            });

        /// <summary>Collects the first validation problem of a request, as the server reports one reason at a time.</summary>
        private sealed class Check
        {
            public string Problem { get; private set; }

            public void Fail(string problem)
            {
                if (Problem == null) Problem = problem;
            }

            public string Required(SandboxForm form, string field)
            {
                string value = form.Text(field);
                if (value == null) Fail($"{field} is required.");
                return value;
            }

            public int? Number(SandboxForm form, string field, bool required)
            {
                string value = form.Text(field);
                if (value == null)
                {
                    if (required) Fail($"{field} is required.");
                    return null;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number <= 0)
                {
                    Fail($"{field} '{value}' is not a valid id.");
                    return null;
                }

                return number;
            }

            public List<int> Numbers(SandboxForm form, string field)
            {
                var numbers = new List<int>();
                foreach (var item in form.Indexed(field))
                {
                    if (int.TryParse(item.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0) numbers.Add(number);
                    else Fail($"{field}[{item.Key}] '{item.Value}' is not a valid id.");
                }

                return numbers;
            }

            public DateTime? Date(SandboxForm form, string field, string format)
            {
                string value = Required(form, field);
                if (value == null) return null;
                if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date)) return date;
                Fail($"{field} '{value}' is not a date in the format {format.ToLowerInvariant()}.");
                return null;
            }
        }
    }
}
