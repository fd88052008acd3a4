using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmPS.Sandbox
{
    /// <summary>The body of POST /api/clients: a header array and data rows, validated as Bizstim does.</summary>
    internal sealed class BizstimClientImport
    {
        public const string NoData = "No data provided";
        public const string NoHeader = "No header array found";

        private static readonly string[] FixedLabels =
        {
            "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
            "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
        };

        private static readonly string[] Statuses = { "active", "inactive", "prospect" };
        private static readonly Regex CustomFieldLabel = new Regex(@"^\d+_", RegexOptions.CultureInvariant);

        private BizstimClientImport(string error, List<string> header, List<List<string>> rows)
        {
            Error = error;
            Header = header;
            Rows = rows;
        }

        /// <summary>"No data provided" or "No header array found" when the body is refused as a whole.</summary>
        public string Error { get; }

        public List<string> Header { get; }

        /// <summary>Each row's values; null for a row that is not an array of scalars.</summary>
        public List<List<string>> Rows { get; }

        public static BizstimClientImport Parse(byte[] body)
        {
            try
            {
                using (var document = JsonDocument.Parse(body ?? Array.Empty<byte>()))
                {
                    return Parse(document.RootElement);
                }
            }
            catch (JsonException)
            {
                return Refused(NoData);
            }
        }

        /// <summary>The stored client for a row, or null when the row breaks a rule.</summary>
        public SandboxClient ToClient(List<string> row)
        {
            if (row == null || row.Count != Header.Count) return null;
            if (new[] { 0, 1, 5, 7, 13 }.Any(i => string.IsNullOrWhiteSpace(row[i]))) return null;
            var status = row[13].Trim().ToLowerInvariant();
            if (!Statuses.Contains(status)) return null;
            if (!TryDate(row[12], out var dob) || !TryDate(row[14], out var startDate)) return null;
            var client = FixedColumns(row);
            client.Status = status;
            client.Dob = dob;
            client.StartDate = startDate;
            AddOptionalColumns(client, row);
            return client;
        }

        private static BizstimClientImport Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) return Refused(NoData);
            var data = Property(root, "data");
            if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0) return Refused(NoData);
            var header = Strings(Property(root, "header"));
            if (header == null || !HasFixedLabels(header)) return Refused(NoHeader);
            return new BizstimClientImport(null, header, data.EnumerateArray().Select(Strings).ToList());
        }

        private static BizstimClientImport Refused(string error) => new BizstimClientImport(error, null, null);

        private static JsonElement Property(JsonElement root, string name) =>
            root.EnumerateObject()
                .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value)
                .FirstOrDefault();

        private static List<string> Strings(JsonElement array)
        {
            if (array.ValueKind != JsonValueKind.Array) return null;
            var values = new List<string>();
            foreach (var item in array.EnumerateArray())
            {
                var value = Scalar(item);
                if (value == null) return null;
                values.Add(value);
            }

            return values;
        }

        private static string Scalar(JsonElement item)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String: return item.GetString();
                case JsonValueKind.Null: return "";
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False: return item.GetRawText();
                default: return null;
            }
        }

        private static bool HasFixedLabels(List<string> header) =>
            header.Count >= FixedLabels.Length &&
            FixedLabels.Select((label, i) => string.Equals(label, header[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

        private static bool TryDate(string text, out DateTime? date)
        {
            date = null;
            if (string.IsNullOrWhiteSpace(text)) return true;
            if (!DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
            date = parsed;
            return true;
        }

        private static SandboxClient FixedColumns(List<string> row) => new SandboxClient
        {
            FirstName = row[0].Trim(),
            LastName = row[1].Trim(),
            Address1 = row[2].Trim(),
            Address2 = row[3].Trim(),
            City = row[4].Trim(),
            State = row[5].Trim(),
            Zipcode = row[6].Trim(),
            Country = row[7].Trim(),
            PrimaryPhone = row[8].Trim(),
            SecondaryPhone = row[9].Trim(),
            TextPhone = row[10].Trim(),
            Email = row[11].Trim(),
            Notes = row[15],
        };

        private void AddOptionalColumns(SandboxClient client, List<string> row)
        {
            for (var i = FixedLabels.Length; i < Header.Count; i++)
            {
                var label = Header[i];
                if (CustomFieldLabel.IsMatch(label)) client.CustomFields[label] = row[i];
                else if (string.Equals(label, "tags", StringComparison.OrdinalIgnoreCase)) AddTags(client, row[i]);
            }
        }

        private static void AddTags(SandboxClient client, string tags)
        {
            foreach (var tag in tags.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0))
            {
                client.Tags.Add(tag);
            }
        }
    }
}
