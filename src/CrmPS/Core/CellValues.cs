using System.Collections.Generic;
using System.Linq;

namespace CrmPS.Core
{
    /// <summary>Splits cells that hold several e-mail addresses or phone numbers ("a@example.com; b@example.com").</summary>
    internal static class CellValues
    {
        private static readonly char[] ListSeparators = { ',', ';' };
        internal static readonly char[] AddressSeparators = { ',', ';', ' ', '\t', '\r', '\n' };

        /// <summary>E-mail addresses: separated by commas, semicolons or white space (an address never holds a space).</summary>
        public static string[] Addresses(IEnumerable<string> cells) => Split(cells, AddressSeparators);

        /// <summary>Phone numbers: separated by commas or semicolons only, because a number may contain spaces.</summary>
        public static string[] PhoneNumbers(IEnumerable<string> cells) => Split(cells, ListSeparators);

        private static string[] Split(IEnumerable<string> cells, char[] separators) =>
            (cells ?? Enumerable.Empty<string>())
                .Where(cell => cell != null)
                .SelectMany(cell => cell.Split(separators))
                .Select(value => value.Trim())
                .Where(value => value.Length > 0)
                .ToArray();
    }
}
