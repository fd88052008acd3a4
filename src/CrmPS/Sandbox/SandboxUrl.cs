using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmPS.Sandbox
{
    internal static class SandboxUrl
    {
        /// <summary>The non-empty, still-escaped segments of a path.</summary>
        public static string[] Segments(string path) =>
            (path ?? "").Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        public static string Unescape(string segment) => Uri.UnescapeDataString(segment ?? "");

        /// <summary>Decoded name/value pairs of a query string or form body, in order of appearance.</summary>
        public static List<KeyValuePair<string, string>> Pairs(string encoded) =>
            (encoded ?? "").TrimStart('?')
                .Split('&')
                .Where(part => part.Length > 0)
                .Select(ToPair)
                .ToList();

        public static bool TryParseNonNegative(string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

        private static KeyValuePair<string, string> ToPair(string part)
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? "" : part.Substring(equals + 1);
            return new KeyValuePair<string, string>(FormDecode(name), FormDecode(value));
        }

        private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
