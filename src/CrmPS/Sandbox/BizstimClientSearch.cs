using System;
using System.Linq;

namespace CrmPS.Sandbox
{
    /// <summary>GET /api/client: the first of id, email or username wins; otherwise first and/or last name.</summary>
    internal sealed class BizstimClientSearch
    {
        private static readonly string[] UniqueKeys = { "id", "email", "username" };

        private string _key;
        private string _value;
        private string _firstName;
        private string _lastName;

        /// <summary>The search a query string asks for, or null when it names no search parameter.</summary>
        public static BizstimClientSearch FromQuery(string query)
        {
            var pairs = SandboxUrl.Pairs(query).Where(p => p.Value.Trim().Length > 0).ToList();
            var unique = pairs.FirstOrDefault(p => UniqueKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            if (unique.Key != null) return new BizstimClientSearch { _key = unique.Key.ToLowerInvariant(), _value = unique.Value.Trim() };
            var search = new BizstimClientSearch
            {
                _firstName = pairs.FirstOrDefault(p => Is(p.Key, "first_name")).Value?.Trim(),
                _lastName = pairs.FirstOrDefault(p => Is(p.Key, "last_name")).Value?.Trim(),
            };
            return search._firstName == null && search._lastName == null ? null : search;
        }

        public bool Matches(SandboxClient client)
        {
            switch (_key)
            {
                case "id": return SandboxUrl.TryParseNonNegative(_value, out var id) && client.Id == id;
                case "email": return client.EmailAddresses.Contains(_value, StringComparer.OrdinalIgnoreCase);
                case "username": return Is(client.Username, _value);
                default: return (_firstName == null || Is(client.FirstName, _firstName)) && (_lastName == null || Is(client.LastName, _lastName));
            }
        }

        private static bool Is(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }
}
