using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmPS.Sandbox
{
    /// <summary>The fields of a form body (multipart/form-data or x-www-form-urlencoded) as the emulated server reads them.</summary>
    public sealed class SandboxForm
    {
        private static readonly Regex IndexedName = new Regex(@"^(?<name>[^\[\]]+)\[(?<index>\d+)\]$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private SandboxForm(string kind, IReadOnlyList<KeyValuePair<string, string>> fields, string error)
        {
            Kind = kind;
            Fields = fields;
            Error = error;
        }

        /// <summary>"multipart", "urlencoded", or "" for a body that is not a form.</summary>
        public string Kind { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>Why the body could not be read as the form its content type announces; null when it could.</summary>
        public string Error { get; }

        public IEnumerable<string> Names => Fields.Select(f => f.Key);

        public static SandboxForm Read(string contentType, byte[] body)
        {
            string mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
            if (string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                bool ok = MultipartFormParser.TryParse(contentType, body, out List<KeyValuePair<string, string>> fields, out string error);
                return new SandboxForm("multipart", ok ? fields : new List<KeyValuePair<string, string>>(), error);
            }

            if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return new SandboxForm("urlencoded", SandboxUrl.Pairs(Encoding.UTF8.GetString(body ?? Array.Empty<byte>())), null);
            }

            return new SandboxForm(string.Empty, new List<KeyValuePair<string, string>>(), null);
        }

        /// <summary>The first value sent under <paramref name="name"/>; null when the field is absent.</summary>
        public string Value(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

        /// <summary>The trimmed value, or null when the field is absent or blank.</summary>
        public string Text(string name)
        {
            string value = Value(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        /// <summary>The values of name[0], name[1], ... ordered by index.</summary>
        public IReadOnlyList<KeyValuePair<int, string>> Indexed(string name) =>
            Fields.Select(f => (Field: f, Match: IndexedName.Match(f.Key)))
                .Where(x => x.Match.Success && x.Match.Groups["name"].Value == name)
                .Select(x => new KeyValuePair<int, string>(int.Parse(x.Match.Groups["index"].Value, CultureInfo.InvariantCulture), x.Field.Value))
                .OrderBy(x => x.Key)
                .ToList();
    }
}
