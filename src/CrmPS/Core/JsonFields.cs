using System;
using System.Globalization;
using System.Text.Json;

namespace CrmPS.Core
{
    /// <summary>
    /// Tolerant readers for CRM JSON: numbers arrive as strings ("id": "21") or numbers, fields go
    /// missing, and "0000-00-00" means no date.
    /// </summary>
    internal static class JsonFields
    {
        public static JsonDocument Parse(string service, ApiResponse response)
        {
            try
            {
                return JsonDocument.Parse(response.Body);
            }
            catch (JsonException)
            {
                throw NotJson(service, response);
            }
        }

        /// <summary>The root of a JSON body, detached from its document; false when the body is not JSON.</summary>
        public static bool TryParse(string body, out JsonElement root)
        {
            try
            {
                using (JsonDocument document = JsonDocument.Parse(body))
                {
                    root = document.RootElement.Clone();
                    return true;
                }
            }
            catch (JsonException)
            {
                root = default;
                return false;
            }
        }

        /// <summary>The error for a reply that should have been JSON and is not, saying what it looks like instead.</summary>
        public static CrmApiException NotJson(string service, ApiResponse response)
        {
            string problem = response.Body.TrimStart().StartsWith("<", StringComparison.Ordinal)
                ? "it is an HTML page, not JSON."
                : "it is not valid JSON (truncated or malformed).";
            return CrmApiException.InvalidResponse(service, response, problem);
        }

        public static string String(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.True:
                    return "1";
                case JsonValueKind.False:
                    return "0";
                default:
                    return null;
            }
        }

        public static int? Int(JsonElement obj, string name)
        {
            string text = String(obj, name);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
        }

        public static long? Long(JsonElement obj, string name)
        {
            string text = String(obj, name);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : (long?)null;
        }

        /// <summary>Reads the vendors' 0/1 flags as booleans; anything else is unknown (null).</summary>
        public static bool? Flag(JsonElement obj, string name)
        {
            switch (String(obj, name)?.Trim())
            {
                case "1":
                    return true;
                case "0":
                    return false;
                default:
                    return null;
            }
        }

        public static DateTime? Date(JsonElement obj, string name)
        {
            string text = String(obj, name);
            return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime value)
                ? value
                : (DateTime?)null;
        }

        public static bool TryGetObject(JsonElement obj, string name, out JsonElement value)
        {
            value = default;
            return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;
        }

        public static bool TryGetArray(JsonElement obj, string name, out JsonElement value)
        {
            value = default;
            return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Array;
        }
    }
}
