using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Checks one input row against the vendor's rules and turns it into a ClientRow, or into the
    /// list of problems that name each offending field.
    /// </summary>
    internal sealed class ClientRowBuilder
    {
        private static readonly int[] RequiredColumns =
        {
            ClientColumns.FirstName, ClientColumns.LastName, ClientColumns.State, ClientColumns.Country, ClientColumns.Status,
        };

        private static readonly CustomFieldValue[] NoCustomFields = new CustomFieldValue[0];

        private readonly IReadOnlyList<CustomFieldValue> _customFieldDefaults;
        private readonly string[] _tagDefaults;
        private readonly DateReader _dates;

        public ClientRowBuilder(IDictionary customFields, IEnumerable<string> tags, DateReader dates = null)
        {
            _dates = dates ?? new DateReader(null, null);
            _customFieldDefaults = ReadCustomFieldParameter(customFields);
            _tagDefaults = SplitTags(tags).ToArray();
        }

        /// <summary>Builds a row read by <see cref="ClientRowReader"/>, whose column map has already classified its extra columns.</summary>
        public ClientRow Build(long rowNumber, ClientRowValues row, out List<string> problems, object source = null) =>
            Build(rowNumber, row.FixedValues, row.Extras, row.ExtraColumnKinds, out problems, source);

        /// <summary>Builds the row; on failure returns null and fills <paramref name="problems"/>.</summary>
        /// <param name="fixedValues">The 16 fixed columns in header order, as bound (string, DateTime, number or null).</param>
        /// <param name="extraProperties">The input object's other properties: custom-field columns and tags are picked from these.</param>
        public ClientRow Build(long rowNumber, object[] fixedValues, IEnumerable<KeyValuePair<string, object>> extraProperties, out List<string> problems, object source = null) =>
            Build(rowNumber, fixedValues, extraProperties, null, out problems, source);

        /// <param name="extraColumnKinds">What each of <paramref name="extraProperties"/> is, in the same order; null to classify them here.</param>
        private ClientRow Build(long rowNumber, object[] fixedValues, IEnumerable<KeyValuePair<string, object>> extraProperties, IReadOnlyList<ExtraColumn> extraColumnKinds, out List<string> problems, object source)
        {
            problems = new List<string>();
            var values = new string[ClientColumns.FixedLabels.Count];
            for (int i = 0; i < values.Length; i++)
            {
                IEnumerable list = CellValues.AsList(fixedValues[i]);
                values[i] = list != null ? FromList(i, list, problems) : ValueText.Of(fixedValues[i]).Trim();
            }

            // Several addresses in one cell go in Bizstim's own form: comma-separated, whatever the cell used.
            string email = values[ClientColumns.Email];
            if (email.IndexOfAny(CellValues.AddressSeparators) >= 0)
            {
                values[ClientColumns.Email] = string.Join(",", CellValues.Addresses(new[] { email }));
            }

            foreach (int column in RequiredColumns)
            {
                if (values[column].Length == 0 && CellValues.AsList(fixedValues[column]) == null)
                {
                    problems.Add($"{ClientColumns.ParameterNames[column]} ('{ClientColumns.FixedLabels[column]}') is required and is empty.");
                }
            }

            if (values[ClientColumns.Status].Length > 0 && !IsCanonicalStatus(values[ClientColumns.Status]))
            {
                ClientStatus? status = BizstimParser.ParseClientStatus(values[ClientColumns.Status]);
                if (status == null || int.TryParse(values[ClientColumns.Status], out _))
                {
                    problems.Add($"Status '{Shorten(values[ClientColumns.Status])}' is not valid: use active, inactive or prospect.");
                }
                else
                {
                    values[ClientColumns.Status] = status.Value.ToString().ToLowerInvariant();
                }
            }

            NormalizeDate(values, fixedValues, ClientColumns.DateOfBirth, problems);
            NormalizeDate(values, fixedValues, ClientColumns.StartDate, problems);

            List<CustomFieldValue> customFields = null;
            string rowTags = null;
            if (extraProperties != null)
            {
                int index = 0;
                foreach (var property in extraProperties)
                {
                    ExtraColumn column = extraColumnKinds != null ? extraColumnKinds[index++] : ExtraColumn.Of(property.Key);
                    if (column.FieldId != null)
                    {
                        customFields = customFields ?? new List<CustomFieldValue>();
                        customFields.Add(new CustomFieldValue(column.FieldId, column.Label, ValueText.Of(property.Value)));
                    }
                    else if (column.IsTags)
                    {
                        rowTags = ValueText.Of(property.Value);
                    }
                }
            }

            if (problems.Count > 0)
            {
                return null;
            }

            return new ClientRow(rowNumber, values, MergeCustomFields(customFields), MergeTags(rowTags), source);
        }

        /// <summary>
        /// A cell that holds a list: e-mail addresses are joined in Bizstim's form (comma-separated); any other
        /// field takes one value, so a list of several is a problem that says what it is.
        /// </summary>
        private static string FromList(int column, IEnumerable list, List<string> problems)
        {
            List<string> items = CellValues.ListItems(list);
            if (column == ClientColumns.Email)
            {
                return string.Join(",", CellValues.Addresses(items));
            }

            if (items.Count <= 1)
            {
                return items.Count == 0 ? string.Empty : items[0];
            }

            problems.Add($"{ClientColumns.ParameterNames[column]} ('{ClientColumns.FixedLabels[column]}')" + CellValues.SeveralWhereOne(items, Shorten));
            return string.Empty;
        }

        /// <summary>The lower-case status names Bizstim expects, which need no parsing.</summary>
        private static bool IsCanonicalStatus(string status) =>
            string.Equals(status, "active", StringComparison.Ordinal)
            || string.Equals(status, "inactive", StringComparison.Ordinal)
            || string.Equals(status, "prospect", StringComparison.Ordinal);

        private void NormalizeDate(string[] values, object[] raw, int column, List<string> problems)
        {
            if (values[column].Length == 0 || (ValueText.Unwrap(raw[column]) is string && IsCanonicalDate(values[column])))
            {
                return;
            }

            if (_dates.TryRead(raw[column], dateOnly: true, out DateTime date, out string problem))
            {
                values[column] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                problems.Add($"{ClientColumns.ParameterNames[column]} ('{ClientColumns.FixedLabels[column]}') {problem}");
            }
        }

        /// <summary>
        /// True for text already in the form Bizstim expects, yyyy-MM-dd with a real date: the
        /// general path would parse it and write back the same text, so it is left as it is.
        /// </summary>
        private static bool IsCanonicalDate(string text)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            {
                return false;
            }

            int year = Digits(text, 0, 4);
            int month = Digits(text, 5, 2);
            int day = Digits(text, 8, 2);
            return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        }

        /// <summary>The number written by <paramref name="count"/> ASCII digits at <paramref name="start"/>; -1 if any is not a digit.</summary>
        private static int Digits(string text, int start, int count)
        {
            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }

        private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "...";

        private static IEnumerable<string> SplitTags(IEnumerable<string> tags) =>
            (tags ?? Enumerable.Empty<string>())
                .Where(t => t != null)
                .SelectMany(t => t.Split(','))
                .Select(t => t.Trim())
                .Where(t => t.Length > 0);

        private static IReadOnlyList<CustomFieldValue> ReadCustomFieldParameter(IDictionary customFields)
        {
            var result = new List<CustomFieldValue>();
            if (customFields == null)
            {
                return result;
            }

            foreach (DictionaryEntry entry in customFields)
            {
                string key = ValueText.Of(entry.Key).Trim();
                string label = ClientColumns.CustomFieldLabel(key);
                if (!ClientColumns.IsCustomField(label, out string fieldId))
                {
                    throw new ArgumentException($"-CustomField key '{key}' is not a custom field: use the field's number, as in @{{ 105 = 'value' }} or @{{ '105_student_id' = 'value' }}.");
                }

                result.Add(new CustomFieldValue(fieldId, label, ValueText.Of(entry.Value)));
            }

            return result;
        }

        /// <summary>-CustomField values win over the row's own cell for the same field number: the command line is the explicit choice.</summary>
        private IReadOnlyList<CustomFieldValue> MergeCustomFields(List<CustomFieldValue> fromRow)
        {
            if (_customFieldDefaults.Count == 0)
            {
                return (IReadOnlyList<CustomFieldValue>)fromRow ?? NoCustomFields;
            }

            fromRow = fromRow ?? new List<CustomFieldValue>();

            var merged = new List<CustomFieldValue>(fromRow.Count + _customFieldDefaults.Count);
            foreach (CustomFieldValue field in fromRow)
            {
                CustomFieldValue forced = _customFieldDefaults.FirstOrDefault(d => d.FieldId == field.FieldId);
                merged.Add(forced == null ? field : new CustomFieldValue(field.FieldId, field.Label, forced.Value));
            }

            merged.AddRange(_customFieldDefaults.Where(d => fromRow.All(f => f.FieldId != d.FieldId)));
            return merged;
        }

        private string MergeTags(string rowTags)
        {
            if (rowTags == null && _tagDefaults.Length == 0)
            {
                return null;
            }

            if (_tagDefaults.Length == 0 && rowTags.IndexOf(',') < 0)
            {
                // One tag or none: what the general path below makes of it, without splitting and joining per row.
                return rowTags.Trim();
            }

            var tags = SplitTags(new[] { rowTags }).Concat(_tagDefaults).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            return string.Join(", ", tags);
        }
    }
}
