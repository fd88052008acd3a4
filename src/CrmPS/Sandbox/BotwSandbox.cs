using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmPS.Core;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// An in-memory BOTW CRM answering GET, POST, PUT and DELETE on /crm/{listing_id} as the vendor
    /// page documents them: Bearer key, form-urlencoded bodies, 201/200/202 on success, 404 for no
    /// match, 400 for bad input and for a blacklisted e-mail address or phone number.
    /// Where the page is silent it takes the literal reading by default: a PUT without an id creates a
    /// contact (<see cref="PutWithoutId"/> switches to updating the contact with that e-mail, then
    /// phone), and a DELETE by e-mail or phone removes every matching contact
    /// (<see cref="DeleteByField"/> switches to the oldest only). All members are thread-safe.
    /// </summary>
    public sealed class BotwSandbox : RecordingSandbox
    {
        public const int ExampleListingId = 123;
        private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

        private static readonly Regex Address = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        private static readonly Regex PhoneCharacters = new Regex(@"^\+?[0-9 ()\-.]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private readonly List<BotwSandboxContact> _contacts = new List<BotwSandboxContact>();
        private readonly HashSet<string> _blacklistedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _blacklistedPhones = new HashSet<string>(StringComparer.Ordinal);
        private int _nextId = 1;

        /// <summary>Starts with the page's example contact (John Doe, id 1, listing 123) and a few blacklisted addresses and numbers.</summary>
        public BotwSandbox(IClock clock = null, string apiKey = null)
            : base(clock, apiKey)
        {
            foreach (string email in new[] { "spam@example.com", "abuse@example.net", "blocked@example.org" }) _blacklistedEmails.Add(email);
            foreach (string phone in new[] { "15550000000", "15559999999" }) _blacklistedPhones.Add(phone);
            Store(new BotwSandboxContact
            {
                ListingId = ExampleListingId,
                UniqueId = "l-12345",
                FirstName = "John",
                LastName = "Doe",
                Email = "johndoe@example.com",
                Phone = "15551234567",
                Created = new DateTime(2021, 1, 1),
                IpAddress = "192.168.1.1",
            });
        }

        /// <summary>Which reading of the page a PUT without an id follows; the literal one (it creates) unless set.</summary>
        public BotwPutWithoutIdReading PutWithoutId { get; set; } = BotwPutWithoutIdReading.Creates;

        /// <summary>Which reading of the page a DELETE by e-mail or phone follows when several contacts match.</summary>
        public BotwDeleteByFieldReading DeleteByField { get; set; } = BotwDeleteByFieldReading.EveryMatch;

        public IReadOnlyList<BotwSandboxContact> Contacts
        {
            get { lock (Gate) return _contacts.Select(c => c.Clone()).ToList().AsReadOnly(); }
        }

        public IReadOnlyCollection<string> BlacklistedEmails
        {
            get { lock (Gate) return _blacklistedEmails.ToList().AsReadOnly(); }
        }

        public IReadOnlyCollection<string> BlacklistedPhones
        {
            get { lock (Gate) return _blacklistedPhones.ToList().AsReadOnly(); }
        }

        public void Blacklist(string emailOrPhone)
        {
            lock (Gate)
            {
                if (emailOrPhone.Contains("@")) _blacklistedEmails.Add(emailOrPhone.Trim());
                else _blacklistedPhones.Add(Digits(emailOrPhone));
            }
        }

        /// <summary>Stores a contact directly (not an API call); returns a copy with its id.</summary>
        public BotwSandboxContact AddContact(int listingId, string firstName, string lastName, string email, string phone)
        {
            lock (Gate)
            {
                return Store(new BotwSandboxContact { ListingId = listingId, FirstName = firstName, LastName = lastName, Email = email, Phone = phone }).Clone();
            }
        }

        internal override string PresentedKey(IDictionary<string, string> headers)
        {
            if (!headers.TryGetValue("Authorization", out string value) || !value.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return null;
            }

            return value.Substring("Bearer ".Length).Trim();
        }

        internal override SandboxResponse Unauthorized() => Failure(403, "Invalid API key or unauthorized access.");

        internal override SandboxResponse Route(SandboxRequest request, SandboxRecordedRequest record) => Route(request, record.Form);

        private SandboxResponse Route(SandboxRequest request, SandboxForm form)
        {
            string[] segments = SandboxUrl.Segments(request.Path);
            if (segments.Length != 2 || segments[0] != "crm")
            {
                return Failure(404, "Unknown endpoint.");
            }

            if (!int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out int listingId) || listingId <= 0)
            {
                return Failure(400, "Invalid listing ID.");
            }

            string method = (request.Method ?? string.Empty).ToUpperInvariant();
            if (method == "GET")
            {
                return Find(listingId, SandboxUrl.Pairs(request.Query));
            }

            if (method != "POST" && method != "PUT" && method != "DELETE")
            {
                return Failure(405, "Method not allowed.");
            }

            if (form.Kind != "urlencoded")
            {
                return Failure(400, "Invalid input parameters: the body must be application/x-www-form-urlencoded.");
            }

            switch (method)
            {
                case "POST": return Create(listingId, form);
                case "PUT": return Upsert(listingId, form);
                default: return Delete(listingId, form);
            }
        }

        private SandboxResponse Find(int listingId, List<KeyValuePair<string, string>> query)
        {
            string Filter(string name) => query.Where(p => p.Key == name).Select(p => p.Value.Trim()).FirstOrDefault(v => v.Length > 0);
            string id = Filter("id"), first = Filter("first_name"), last = Filter("last_name"), name = Filter("name"), email = Filter("email"), phone = Filter("phone");
            if (id == null && first == null && last == null && name == null && email == null && phone == null)
            {
                return Failure(400, "At least one query parameter must be provided.");
            }

            List<BotwSandboxContact> found = _contacts.Where(c => c.ListingId == listingId
                && (id == null || c.Id.ToString(CultureInfo.InvariantCulture) == id)
                && (first == null || Same(c.FirstName, first))
                && (last == null || Same(c.LastName, last))
                && (name == null || Same(c.FirstName, name) || Same(c.LastName, name) || Same(c.FirstName + " " + c.LastName, name))
                && (email == null || Same(c.Email, email))
                && (phone == null || (c.Phone != null && Digits(c.Phone) == Digits(phone)))).ToList();
            if (found.Count == 0)
            {
                return Failure(404, "No contacts found.");
            }

            return SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WriteString("message", found.Count.ToString(CultureInfo.InvariantCulture) + " record(s) found.");
                w.WriteStartObject("data");
                w.WriteStartArray("results");
                foreach (BotwSandboxContact contact in found) WriteContact(w, contact);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        private SandboxResponse Create(int listingId, SandboxForm form)
        {
            string email = form.Text("email"), phone = form.Text("phone");
            SandboxResponse refused = Refuse(email, phone, required: true);
            if (refused != null) return refused;
            Store(new BotwSandboxContact { ListingId = listingId, FirstName = form.Text("first_name"), LastName = form.Text("last_name"), Email = email, Phone = phone });

            // The vendor's example reply to a create really does say "updated".
            return Success(201, "New contact successfully updated.");
        }

        private SandboxResponse Upsert(int listingId, SandboxForm form)
        {
            string id = form.Text("id"), email = form.Text("email"), phone = form.Text("phone");
            BotwSandboxContact existing = null;
            if (id != null)
            {
                existing = _contacts.FirstOrDefault(c => c.ListingId == listingId && c.Id.ToString(CultureInfo.InvariantCulture) == id);
                if (existing == null && email == null && phone == null)
                {
                    return Failure(404, "The contact ID provided was not found.");
                }
            }
            else if (PutWithoutId == BotwPutWithoutIdReading.UpdatesMatch)
            {
                existing = _contacts.FirstOrDefault(c => c.ListingId == listingId && email != null && Same(c.Email, email))
                    ?? _contacts.FirstOrDefault(c => c.ListingId == listingId && phone != null && c.Phone != null && Digits(c.Phone) == Digits(phone));
            }

            SandboxResponse refused = Refuse(email, phone, required: existing == null);
            if (refused != null) return refused;
            if (existing == null)
            {
                Store(new BotwSandboxContact { ListingId = listingId, FirstName = form.Text("first_name"), LastName = form.Text("last_name"), Email = email, Phone = phone });
                return Success(201, "New contact successfully created.");
            }

            existing.FirstName = form.Text("first_name") ?? existing.FirstName;
            existing.LastName = form.Text("last_name") ?? existing.LastName;
            existing.Email = email ?? existing.Email;
            existing.Phone = phone ?? existing.Phone;
            return Success(200, "Contact successfully updated.");
        }

        private SandboxResponse Delete(int listingId, SandboxForm form)
        {
            string id = form.Text("id"), email = form.Text("email"), phone = form.Text("phone");
            if (id == null && email == null && phone == null)
            {
                return Failure(400, "At least one of id, email or phone must be provided.");
            }

            List<BotwSandboxContact> matches = _contacts.Where(c => c.ListingId == listingId
                && (id == null || c.Id.ToString(CultureInfo.InvariantCulture) == id)
                && (email == null || Same(c.Email, email))
                && (phone == null || (c.Phone != null && Digits(c.Phone) == Digits(phone)))).ToList();
            if (id == null && DeleteByField == BotwDeleteByFieldReading.FirstMatch)
            {
                matches = matches.Take(1).ToList();
            }

            int removed = _contacts.RemoveAll(matches.Contains);
            return removed == 0 ? Failure(404, "The contact could not be found.") : Success(202, "Contact deleted successfully.");
        }

        /// <summary>The documented refusals of a write: e-mail or phone missing, malformed, or blacklisted (all 400).</summary>
        private SandboxResponse Refuse(string email, string phone, bool required)
        {
            if (required && email == null && phone == null) return Failure(400, "Invalid input parameters: email or phone is required.");
            if (email != null && !Address.IsMatch(email)) return Failure(400, $"Invalid input parameters: '{email}' is not a valid email address.");
            if (phone != null && (!PhoneCharacters.IsMatch(phone) || Digits(phone).Length < 7 || Digits(phone).Length > 15)) return Failure(400, $"Invalid input parameters: '{phone}' is not a valid phone number.");
            if (email != null && _blacklistedEmails.Contains(email)) return Failure(400, $"The email address {email} has been blacklisted.");
            if (phone != null && _blacklistedPhones.Contains(Digits(phone))) return Failure(400, $"The phone number {phone} has been blacklisted.");
            return null;
        }

        private BotwSandboxContact Store(BotwSandboxContact contact)
        {
            contact.Id = _nextId++;
            contact.UniqueId = contact.UniqueId ?? "l-" + (12344 + contact.Id).ToString(CultureInfo.InvariantCulture);
            contact.Created = contact.Created == default ? Clock.UtcNow.UtcDateTime : contact.Created;
            contact.IpAddress = contact.IpAddress ?? "127.0.0.1";
            contact.Source = contact.Source ?? "api";
            contact.Status = contact.Status ?? "active";
            _contacts.Add(contact);
            return contact;
        }

        private static void WriteContact(Utf8JsonWriter w, BotwSandboxContact c)
        {
            w.WriteStartObject();
            w.WriteNumber("contact_id", c.Id);
            w.WriteString("contact_unique_id", c.UniqueId);
            w.WriteString("contact_first_name", c.FirstName ?? string.Empty);
            w.WriteString("contact_last_name", c.LastName ?? string.Empty);
            w.WriteString("contact_email", c.Email ?? string.Empty);
            w.WriteString("contact_phone", c.Phone ?? string.Empty);
            w.WriteString("contact_created_date", c.Created.ToString(DateFormat, CultureInfo.InvariantCulture));
            w.WriteString("contact_ip_address", c.IpAddress);
            w.WriteString("contact_source", c.Source);
            w.WriteString("contact_status", c.Status);
            w.WriteEndObject();
        }

        private static bool Same(string left, string right) => string.Equals(left?.Trim(), right?.Trim(), StringComparison.OrdinalIgnoreCase);

        private static string Digits(string phone) => new string((phone ?? string.Empty).Where(char.IsDigit).ToArray());

        private static SandboxResponse Success(int status, string message) =>
            SandboxJson.Response(status, w =>
            {
                w.WriteString("status", "success");
                w.WriteString("message", message);
            });

        private static SandboxResponse Failure(int status, string message) =>
            SandboxJson.Response(status, w =>
            {
                w.WriteString("status", "error");
                w.WriteString("message", message);
            });
    }
}
