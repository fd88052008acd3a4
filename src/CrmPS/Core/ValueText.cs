using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace CrmPS.Core
{
    /// <summary>Turns whatever a pipeline hands us (strings, numbers, dates, arrays, PSObjects) into invariant text.</summary>
    internal static class ValueText
    {
        private static readonly string[] ExactDateFormats =
        {
            "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "dd.MM.yyyy", "d.M.yyyy",
            "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        };

        public static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        public static string Of(object value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case DateTime date:
                    return date.TimeOfDay == TimeSpan.Zero
                        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case DateTimeOffset offset:
                    return Of(offset.DateTime);
                case IEnumerable items:
                    var joined = new StringBuilder();
                    foreach (object item in items)
                    {
                        string part = Of(item);
                        if (part.Length == 0)
                        {
                            continue;
                        }

                        if (joined.Length > 0)
                        {
                            joined.Append(',');
                        }

                        joined.Append(part);
                    }

                    return joined.ToString();
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>
        /// Reads a date from a DateTime or from text, never through the current culture: ISO forms,
        /// dd.MM.yyyy, and the invariant (US) forms. Returns false for anything else.
        /// </summary>
        public static bool TryDate(object value, out DateTime date)
        {
            value = Unwrap(value);
            switch (value)
            {
                case DateTime dateTime:
                    date = dateTime.Date;
                    return true;
                case DateTimeOffset offset:
                    date = offset.Date;
                    return true;
            }

            string text = Of(value).Trim();
            if (DateTime.TryParseExact(text, ExactDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTime parsed)
                || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed))
            {
                date = parsed.Date;
                return true;
            }

            date = default;
            return false;
        }
    }
}
