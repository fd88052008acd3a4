using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmPS.Botw
{
    /// <summary>The filters of a contact search; BOTW needs at least one.</summary>
    internal sealed class ContactQuery
    {
        public int? Id { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Name { get; set; }

        public string Email { get; set; }

        public string Phone { get; set; }

        /// <summary>By e-mail address, or by phone number when there is no e-mail.</summary>
        public static ContactQuery ByEmailOrPhone(string email, string phone) =>
            string.IsNullOrWhiteSpace(email) ? new ContactQuery { Phone = phone } : new ContactQuery { Email = email };

        public IReadOnlyList<KeyValuePair<string, string>> Parameters()
        {
            var query = new List<KeyValuePair<string, string>>();
            Add(query, "id", Id?.ToString(CultureInfo.InvariantCulture));
            Add(query, "first_name", FirstName);
            Add(query, "last_name", LastName);
            Add(query, "name", Name);
            Add(query, "email", Email);
            Add(query, "phone", Phone);
            return query;
        }

        public bool IsEmpty => Parameters().Count == 0;

        /// <summary>"email=ann@example.com, phone=1555..." for messages.</summary>
        public override string ToString() => string.Join(", ", Parameters().Select(p => p.Key + "=" + p.Value));

        private static void Add(List<KeyValuePair<string, string>> query, string name, string value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new KeyValuePair<string, string>(name, value.Trim()));
            }
        }
    }
}
