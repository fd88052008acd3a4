using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CrmPS.Bizstim;
using CrmPS.Core;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// An in-memory Bizstim account answering the documented API as NOTES.md reads it.
    /// All members are thread-safe; list properties return snapshots.
    /// </summary>
    public sealed class BizstimSandbox : RecordingSandbox
    {
        public const string TrialLimitMessage = "Trial accounts may only add 3 clients per run or 30 clients an hour";
        public const string EnterpriseRunLimitMessage = "Enterprise accounts may only add 1000 clients per run";
        public const string EnterpriseHourLimitMessage = "Enterprise accounts may only run 1000 operations per hour";
        public const string ImportedMessage = "The records were imported successfully.";
        public const string PartialImportMessage =
            "There was an error with 1 or more of the records. Please check the records to determine which accounts were impacted";
        public const string OnDemandBaseUrl = "https://www.bizstim.com/ondemand/company/";

        private const int ClientPageSize = 1000;
        private const int SessionPageSize = 100;
        private const int MaxPageSize = 1000;

        private readonly List<SandboxClient> _clients = new List<SandboxClient>();
        private readonly List<SandboxSession> _sessions = BizstimSandboxData.Sessions();
        private readonly List<SandboxTestimonial> _testimonials = BizstimSandboxData.Testimonials();
        private readonly List<SandboxInquiry> _inquiries = new List<SandboxInquiry>();
        private readonly List<SandboxOnDemandLink> _onDemandLinks = new List<SandboxOnDemandLink>();
        private readonly OperationWindow _operations = new OperationWindow();
        private BizstimPlan _plan;
        private bool _enforceRateLimits = true;

        public BizstimSandbox(BizstimPlan plan = BizstimPlan.Enterprise, IClock clock = null, string apiKey = null)
            : base(clock, apiKey)
        {
            _plan = plan;
        }

        public BizstimPlan Plan
        {
            get { lock (Gate) return _plan; }
            set { lock (Gate) _plan = value; }
        }

        public bool EnforceRateLimits
        {
            get { lock (Gate) return _enforceRateLimits; }
            set { lock (Gate) _enforceRateLimits = value; }
        }

        public IReadOnlyList<SandboxClient> Clients => Snapshot(_clients, c => c.Clone());

        public IReadOnlyList<SandboxSession> Sessions => Snapshot(_sessions, s => s.Clone());

        public IReadOnlyList<SandboxTestimonial> Testimonials => Snapshot(_testimonials, t => t);

        public IReadOnlyList<SandboxInquiry> Inquiries => Snapshot(_inquiries, i => i);

        public IReadOnlyList<SandboxOnDemandLink> OnDemandLinks => Snapshot(_onDemandLinks, l => l);

        public int OperationsInLastHour
        {
            get { lock (Gate) return _operations.Count(Clock.UtcNow); }
        }

        /// <summary>Stores a copy of <paramref name="client"/>; Id 0 takes the next id, a blank Username is derived.</summary>
        public SandboxClient AddClient(SandboxClient client)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            lock (Gate)
            {
                if (client.Id != 0 && _clients.Any(c => c.Id == client.Id))
                {
                    throw new ArgumentException("A client with id " + client.Id + " already exists.", nameof(client));
                }

                return Store(client.Clone()).Clone();
            }
        }

        public SandboxClient AddClient(string firstName, string lastName, string email = "", string status = "active") =>
            AddClient(new SandboxClient { FirstName = firstName, LastName = lastName, Email = email ?? "", Status = status });

        /// <summary>Adds <paramref name="count"/> deterministic clients; not counted as API operations.</summary>
        public void SeedClients(int count)
        {
            lock (Gate)
            {
                for (var i = 0; i < count; i++) Store(BizstimSandboxData.Client(_clients.Count, NextClientId()));
            }
        }

        internal override string PresentedKey(IDictionary<string, string> headers) =>
            headers.TryGetValue("x-api-key", out var key) ? key : null;

        internal override SandboxResponse Unauthorized() => BizstimWire.Failure(403, "Invalid API key");

        internal override SandboxResponse Route(SandboxRequest request, SandboxRecordedRequest record)
        {
            var segments = SandboxUrl.Segments(request.Path);
            var method = (request.Method ?? "").ToUpperInvariant();
            if (segments.Length >= 2 && segments[0] == "api") return RouteApi(request, method, segments[1], segments.Skip(2).ToList());
            if (segments.Length >= 1 && segments[0] == "ondemand" && method == "GET") return OnDemand(segments.Skip(1).ToList());
            return UnknownMethod();
        }

        private SandboxResponse RouteApi(SandboxRequest request, string method, string name, List<string> args)
        {
            switch (method + " " + name)
            {
                case "GET clients": return ListClients(args);
                case "GET client" when args.Count == 0: return FindClient(request.Query);
                case "POST clients" when args.Count == 0: return ImportClients(request.Body);
                case "POST clientinquiry" when args.Count <= 3: return ClientInquiry(request, args);
                case "GET sessions": return ListSessions(args);
                case "GET session" when args.Count == 1: return GetSession(args[0]);
                case "GET testimonials" when args.Count == 0: return BizstimWire.Testimonials(_testimonials);
                default: return UnknownMethod();
            }
        }

        private static SandboxResponse UnknownMethod() => BizstimWire.Failure(404, "Unknown method");

        private SandboxResponse ListClients(List<string> args)
        {
            if (!TryPage(args, ClientPageSize, out var start, out var limit, out var error)) return error;
            return BizstimWire.ClientPage(_clients.Count, _clients.Skip(start).Take(limit));
        }

        private SandboxResponse ListSessions(List<string> args)
        {
            if (!TryPage(args, SessionPageSize, out var start, out var limit, out var error)) return error;
            return BizstimWire.SessionPage(_sessions.Count, _sessions.Skip(start).Take(limit));
        }

        private static bool TryPage(List<string> args, int defaultLimit, out int start, out int limit, out SandboxResponse error)
        {
            start = 0;
            limit = defaultLimit;
            error = null;
            if (args.Count > 2)
            {
                error = UnknownMethod();
                return false;
            }

            var valid = (args.Count < 1 || SandboxUrl.TryParseNonNegative(args[0], out start)) &&
                        (args.Count < 2 || SandboxUrl.TryParseNonNegative(args[1], out limit));
            if (!valid) error = BizstimWire.Failure(400, "Invalid start or limit");
            limit = Math.Min(limit, MaxPageSize);
            return valid;
        }

        private SandboxResponse GetSession(string id)
        {
            var session = SandboxUrl.TryParseNonNegative(id, out var sessionId)
                ? _sessions.FirstOrDefault(s => s.Id == sessionId)
                : null;
            return session == null ? BizstimWire.Failure(404, "Session not found") : BizstimWire.SingleSession(session);
        }

        private SandboxResponse FindClient(string query)
        {
            var search = BizstimClientSearch.FromQuery(query);
            if (search == null) return BizstimWire.Failure(400, "No search parameters provided");
            var client = _clients.FirstOrDefault(search.Matches);
            return client == null ? BizstimWire.Failure(404, "No client found") : BizstimWire.SingleClient(client);
        }

        private SandboxResponse ImportClients(byte[] body)
        {
            var import = BizstimClientImport.Parse(body);
            if (import.Error != null) return BizstimWire.Failure(400, import.Error);
            if (import.Rows.Count > BizstimPlanLimits.MaxClientsPerOperation(_plan))
            {
                return BizstimWire.Failure(400, _plan == BizstimPlan.Trial ? TrialLimitMessage : EnterpriseRunLimitMessage);
            }

            var now = Clock.UtcNow;
            if (_enforceRateLimits && _operations.Count(now) >= BizstimPlanLimits.OperationsPerHour(_plan)) return TooManyOperations(now);
            _operations.Add(now);
            var clients = import.Rows.Select(import.ToClient).ToList();
            foreach (var client in clients.Where(c => c != null)) Store(client);
            return clients.Contains(null) ? BizstimWire.Failure(200, PartialImportMessage) : BizstimWire.Success(ImportedMessage);
        }

        private SandboxResponse TooManyOperations(DateTimeOffset now)
        {
            var response = BizstimWire.Failure(429, _plan == BizstimPlan.Trial ? TrialLimitMessage : EnterpriseHourLimitMessage);
            response.Headers["Retry-After"] = _operations.SecondsUntilSlotFrees(now).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response;
        }

        private SandboxResponse ClientInquiry(SandboxRequest request, List<string> args)
        {
            var parsed = BizstimInquiryRequest.Parse(request, args);
            if (parsed.Inquiry == null) return BizstimWire.InquiryResult(400, false, 5, parsed.ErrorList());
            var inquiry = parsed.Inquiry;
            inquiry.ReceivedAt = Clock.UtcNow;
            inquiry.Code = !inquiry.SaveAsProspect ? 0 : HasClientWithEmail(inquiry.Email) ? 1 : 3;
            if (inquiry.Code == 3) Store(ProspectFrom(inquiry));
            _inquiries.Add(inquiry);
            return BizstimWire.InquiryResult(200, true, inquiry.Code, InquiryMessage(inquiry.Code));
        }

        private static string InquiryMessage(int code) =>
            code == 1 ? "E-mail success. Client previously added to database."
            : code == 3 ? "E-mail success. Client added to database."
            : "E-mail success.";

        private bool HasClientWithEmail(string email) =>
            _clients.Any(c => c.EmailAddresses.Contains(email, StringComparer.OrdinalIgnoreCase));

        private static SandboxClient ProspectFrom(SandboxInquiry inquiry) => new SandboxClient
        {
            FirstName = inquiry.FirstName,
            LastName = inquiry.LastName,
            City = inquiry.City,
            State = inquiry.State,
            Country = inquiry.Country,
            Email = inquiry.Email,
            PrimaryPhone = inquiry.PrimaryPhone,
            Status = "prospect",
        };

        private SandboxResponse OnDemand(List<string> args)
        {
            if (args.Count != 3) return UnknownMethod();
            if (!SandboxUrl.TryParseNonNegative(args[1], out var primary) || !SandboxUrl.TryParseNonNegative(args[2], out var secondary))
            {
                return BizstimWire.Failure(400, "Invalid agent id");
            }

            var student = SandboxUrl.Unescape(args[0]);
            var url = OnDemandBaseUrl + Sha256Hex(student + "|" + primary + "|" + secondary);
            _onDemandLinks.Add(new SandboxOnDemandLink(student, primary, secondary, url));
            return BizstimWire.Success(url);
        }

        private static string Sha256Hex(string text)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                return string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        private SandboxClient Store(SandboxClient client)
        {
            if (client.Id == 0) client.Id = NextClientId();
            if (client.UsersId == 0) client.UsersId = 600 + client.Id;
            if (client.ClientSettingsId == 0) client.ClientSettingsId = 40 + client.Id;
            if (client.AvailId == 0) client.AvailId = 500 + client.Id;
            if (string.IsNullOrWhiteSpace(client.Username)) client.Username = DefaultUsername(client);
            _clients.Insert(InsertionIndex(client.Id), client);
            return client;
        }

        private int InsertionIndex(int id)
        {
            var index = _clients.Count;
            while (index > 0 && _clients[index - 1].Id > id) index--;
            return index;
        }

        private int NextClientId() => _clients.Count == 0 ? 1 : _clients[_clients.Count - 1].Id + 1;

        private static string DefaultUsername(SandboxClient client) =>
            new string((client.FirstName + client.LastName + client.Id).Where(ch => !char.IsWhiteSpace(ch)).ToArray())
                .ToLowerInvariant();
    }
}
