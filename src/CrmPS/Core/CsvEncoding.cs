using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmPS.Core
{
    /// <summary>The -Encoding names Import-Csv takes, turned into encodings for reading a file.</summary>
    internal static class CsvEncoding
    {
        public static readonly IReadOnlyList<string> Names = new[]
        {
            "utf8", "utf8BOM", "utf8NoBOM", "unicode", "bigendianunicode", "utf32", "bigendianutf32", "ascii", "latin1", "default", "oem",
        };

        public static bool TryGet(string name, out Encoding encoding)
        {
            encoding = null;
            switch (name.Trim().ToLowerInvariant())
            {
                // Reading, a byte order mark still wins; these say what a file without one holds.
                case "utf8":
                case "utf8bom":
                case "utf8nobom":
                case "default":
                    encoding = new UTF8Encoding(false);
                    return true;
                case "unicode":
                    encoding = Encoding.Unicode;
                    return true;
                case "bigendianunicode":
                    encoding = Encoding.BigEndianUnicode;
                    return true;
                case "utf32":
                    encoding = Encoding.UTF32;
                    return true;
                case "bigendianutf32":
                    encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
                    return true;
                case "ascii":
                    encoding = Encoding.ASCII;
                    return true;
                case "latin1":
                    return TryGetCodePage(28591, out encoding);
                case "oem":
                    return TryGetCodePage(CultureInfo.CurrentCulture.TextInfo.OEMCodePage, out encoding);
            }

            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int codePage))
            {
                return TryGetCodePage(codePage, out encoding);
            }

            try
            {
                encoding = Encoding.GetEncoding(name);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static bool TryGetCodePage(int codePage, out Encoding encoding)
        {
            try
            {
                encoding = Encoding.GetEncoding(codePage);
                return true;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException)
            {
                encoding = null;
                return false;
            }
        }
    }
}
