using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>
    /// Custom fields are sent as keys[i] (the field id, f-&lt;guid&gt;) and values[i]. They come from
    /// -CustomField and from input properties named like a field id; -CustomField wins over the row.
    /// </summary>
    internal static class CdbCustomFields
    {
        // The vendor's own example ids are not all hexadecimal (f-c25257rd-...), so any letters and digits in the GUID shape are accepted.
        private static readonly Regex FieldId = new Regex(
            "^f-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool IsFieldId(string name) => name != null && FieldId.IsMatch(name);

        /// <summary>Reads -CustomField; a key that is not a field id is an ArgumentException naming it.</summary>
        public static OrderedDictionary FromParameter(IDictionary customFields)
        {
            var fields = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (customFields == null)
            {
                return fields;
            }

            foreach (DictionaryEntry entry in customFields)
            {
                string id = ValueText.Of(entry.Key).Trim();
                if (!IsFieldId(id))
                {
                    throw new ArgumentException($"-CustomField key '{id}' is not a Customer Database App custom-field id: use the id shown in the field's settings, f- followed by a GUID (f-4bc9a801-f63d-4b9c-b527-a0cbe902828b).");
                }

                fields[id] = ValueText.Of(entry.Value);
            }

            return fields;
        }

        /// <summary>The input object's custom-field properties, then -CustomField over them; empty values are left out.</summary>
        public static OrderedDictionary Merge(PSObject row, OrderedDictionary fromParameter) => Merge(FieldProperties(row), fromParameter);

        /// <summary>The row's custom-field columns (field id, value), then -CustomField over them; empty values are left out.</summary>
        public static OrderedDictionary Merge(IEnumerable<KeyValuePair<string, object>> columns, OrderedDictionary fromParameter)
        {
            var merged = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, object> property in columns)
            {
                merged[property.Key] = ValueText.Of(property.Value);
            }

            foreach (DictionaryEntry entry in fromParameter ?? new OrderedDictionary())
            {
                merged[(string)entry.Key] = entry.Value;
            }

            var sent = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in merged)
            {
                if (!string.IsNullOrEmpty((string)entry.Value))
                {
                    sent[entry.Key] = entry.Value;
                }
            }

            return sent;
        }

        private static IEnumerable<KeyValuePair<string, object>> FieldProperties(PSObject row)
        {
            if (row == null)
            {
                yield break;
            }

            foreach (PSPropertyInfo property in row.Properties)
            {
                string name = property.Name.Trim();
                if (IsFieldId(name))
                {
                    object value;
                    try
                    {
                        value = property.Value;
                    }
                    catch (GetValueException)
                    {
                        continue;
                    }

                    yield return new KeyValuePair<string, object>(name, value);
                }
            }
        }
    }
}
