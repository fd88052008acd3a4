using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace CrmPS.Core
{
    /// <summary>Cells that hold several values: a list where one value belongs, and e-mail addresses or phone numbers in one text ("a@example.com; b@example.com").</summary>
    internal static class CellValues
    {
        private static readonly char[] ListSeparators = { ',', ';' };
        internal static readonly char[] AddressSeparators = { ',', ';', ' ', '\t', '\r', '\n' };

        /// <summary>E-mail addresses: separated by commas, semicolons or white space (an address never holds a space).</summary>
        public static string[] Addresses(IEnumerable<string> cells) => Split(cells, AddressSeparators);

        /// <summary>Phone numbers: separated by commas or semicolons only, because a number may contain spaces.</summary>
        public static string[] PhoneNumbers(IEnumerable<string> cells) => Split(cells, ListSeparators);

        /// <summary>The cell as a list (an array or other collection, not text); null when it is one value.</summary>
        public static IEnumerable AsList(object cell) => ValueText.Unwrap(cell) is IEnumerable list && !(list is string) ? list : null;

        /// <summary>A list cell's items as text, trimmed, empty ones left out.</summary>
        public static List<string> ListItems(IEnumerable list)
        {
            var items = new List<string>();
            foreach (object item in list)
            {
                string text = ValueText.Of(item).Trim();
                if (text.Length > 0)
                {
                    items.Add(text);
                }
            }

            return items;
        }

        /// <summary>The words that follow a field's name when a list of several stands where one value belongs.</summary>
        public static string SeveralWhereOne(IReadOnlyList<string> items, Func<string, string> show) =>
            $" is a list of {items.Count} values ({string.Join(", ", items.Take(3).Select(v => "'" + show(v) + "'"))}{(items.Count > 3 ? ", ..." : string.Empty)}), not one value: give one.";

        private static string[] Split(IEnumerable<string> cells, char[] separators) =>
            (cells ?? Enumerable.Empty<string>())
                .Where(cell => cell != null)
                .SelectMany(cell => cell.Split(separators))
                .Select(value => value.Trim())
                .Where(value => value.Length > 0)
                .ToArray();
    }
}
