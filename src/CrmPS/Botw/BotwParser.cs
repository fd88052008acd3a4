using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>Reads BOTW's contact JSON: {"data": {"results": [{"contact_id": 1, ...}]}}.</summary>
    internal static class BotwParser
    {
        public static List<Contact> ParseContacts(JsonElement root, int listingId)
        {
            var contacts = new List<Contact>();
            JsonElement results = default;
            bool found = JsonFields.TryGetObject(root, "data", out JsonElement data)
                ? JsonFields.TryGetArray(data, "results", out results)
                : JsonFields.TryGetArray(root, "data", out results);
            if (!found)
            {
                return contacts;
            }

            foreach (JsonElement item in results.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    contacts.Add(ParseContact(item, listingId));
                }
            }

            return contacts;
        }

        public static Contact ParseContact(JsonElement json, int listingId) => new Contact
        {
            Id = JsonFields.Int(json, "contact_id") ?? 0,
            UniqueId = JsonFields.String(json, "contact_unique_id"),
            FirstName = JsonFields.String(json, "contact_first_name"),
            LastName = JsonFields.String(json, "contact_last_name"),
            Email = JsonFields.String(json, "contact_email"),
            Phone = JsonFields.String(json, "contact_phone"),
            Created = ParseCreated(JsonFields.String(json, "contact_created_date")),
            IpAddress = JsonFields.String(json, "contact_ip_address"),
            Source = JsonFields.String(json, "contact_source"),
            Status = JsonFields.String(json, "contact_status"),
            ListingId = listingId,
        };

        /// <summary>"2021-01-01 00:00:00" (also without seconds, or a bare date); null for anything else, including "0000-00-00 00:00:00".</summary>
        public static DateTime? ParseCreated(string text)
        {
            string[] formats = { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd" };
            return DateTime.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime value)
                ? value
                : (DateTime?)null;
        }
    }
}
