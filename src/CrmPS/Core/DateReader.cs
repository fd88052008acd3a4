using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmPS.Core
{
    /// <summary>
    /// Reads dates the user wrote, without guessing. A DateTime or DateTimeOffset gives its own date and
    /// clock time (never converted to local time). Text in ISO order (yyyy-MM-dd...) always works, taken
    /// as written even with a Z or an offset. Other text is read with -DateFormat when given; otherwise in
    /// the current culture, and refused when the current and invariant cultures read it differently.
    /// </summary>
    internal sealed class DateReader
    {
        private static readonly Regex IsoOrder = new Regex(@"^\d{4}([-/]\d{1,2}[-/]\d{1,2}|\d{4})([T ]|$)", RegexOptions.CultureInvariant);

        private static readonly string[] IsoFormats =
        {
            "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd",
        };

        private static readonly string[] DottedFormats =
        {
            "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss",
        };

        private readonly CultureInfo _culture;
        private readonly string[] _formats;

        /// <param name="culture">The culture the file's author used; null for the current culture at the time of reading.</param>
        /// <param name="formats">-DateFormat: exact formats, read with the invariant culture; null or empty when not given.</param>
        public DateReader(CultureInfo culture, string[] formats)
        {
            _culture = culture;
            _formats = formats != null && formats.Length > 0 ? formats : null;
        }

        /// <summary>The advice that ends every date problem.</summary>
        public string Advice => _formats == null
            ? "write it as yyyy-MM-dd, or give -DateFormat (for example -DateFormat 'dd/MM/yyyy')"
            : $"write it as yyyy-MM-dd or as -DateFormat {string.Join(", ", _formats)}";

        /// <summary>
        /// Reads <paramref name="value"/>. For a date-only field (<paramref name="dateOnly"/>) the time of day
        /// is dropped and only the dates are compared. On failure, <paramref name="problem"/> says why
        /// (quoting the value, without naming the field: the caller does that).
        /// </summary>
        public bool TryRead(object value, bool dateOnly, out DateTime result, out string problem)
        {
            problem = null;
            value = ValueText.Unwrap(value);
            switch (value)
            {
                case DateTime dateTime:
                    result = dateOnly ? dateTime.Date : DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified);
                    return true;
                case DateTimeOffset offset:
                    result = dateOnly ? offset.DateTime.Date : offset.DateTime;
                    return true;
            }

            string text = ValueText.Of(value).Trim();
            if (IsoOrder.IsMatch(text))
            {
                if (TryIso(text, out result))
                {
                    result = dateOnly ? result.Date : result;
                    return true;
                }

                problem = $"'{Shorten(text)}' is not a date: {Advice}.";
                return false;
            }

            if (_formats != null)
            {
                if (TryFormats(text, out result))
                {
                    result = dateOnly ? result.Date : result;
                    return true;
                }

                problem = $"'{Shorten(text)}' is not a date in the form -DateFormat {string.Join(", ", _formats)}.";
                return false;
            }

            CultureInfo culture = _culture ?? CultureInfo.CurrentCulture;
            bool local = TryParse(text, culture, out DateTime localReading);
            bool invariant = TryParse(text, CultureInfo.InvariantCulture, out DateTime invariantReading);
            if (dateOnly)
            {
                localReading = localReading.Date;
                invariantReading = invariantReading.Date;
            }

            if (local && invariant && localReading != invariantReading)
            {
                result = default;
                problem = $"'{Shorten(text)}' is ambiguous: {Describe(localReading, dateOnly)} in {CultureName(culture)}, "
                    + $"but {Describe(invariantReading, dateOnly)} in the invariant (US) culture. Nothing is guessed: {Advice}.";
                return false;
            }

            if (local || invariant)
            {
                result = local ? localReading : invariantReading;
                return true;
            }

            // Day.month.year is written only day first, whatever the culture (as the help has always said).
            if (DateTime.TryParseExact(text, DottedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out result))
            {
                result = dateOnly ? result.Date : result;
                return true;
            }

            result = default;
            problem = $"'{Shorten(text)}' is not a date: {Advice}.";
            return false;
        }

        private static bool TryIso(string text, out DateTime result)
        {
            if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out result))
            {
                return true;
            }

            // The clock time as written: a Z or an offset is not a reason to move the date.
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset withTime))
            {
                result = withTime.DateTime;
                return true;
            }

            result = default;
            return false;
        }

        private bool TryFormats(string text, out DateTime result)
        {
            if (DateTime.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out result))
            {
                return true;
            }

            // Export-Csv writes a DateTime with its time ("05/04/2010 00:00:00"): the date part in the given form is enough.
            int space = text.IndexOf(' ');
            if (space > 0
                && DateTime.TryParseExact(text.Substring(0, space), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime datePart)
                && DateTime.TryParse(text.Substring(space + 1), CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault | DateTimeStyles.AllowWhiteSpaces, out DateTime timePart)
                && timePart.Date == DateTime.MinValue.Date)
            {
                result = datePart + timePart.TimeOfDay;
                return true;
            }

            result = default;
            return false;
        }

        private static bool TryParse(string text, CultureInfo culture, out DateTime result)
        {
            if (DateTimeOffset.TryParse(text, culture, DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset parsed))
            {
                result = parsed.DateTime;
                return true;
            }

            result = default;
            return false;
        }

        private static string Describe(DateTime date, bool dateOnly) =>
            date.ToString(dateOnly || date.TimeOfDay == TimeSpan.Zero ? "d MMMM yyyy" : "d MMMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

        private static string CultureName(CultureInfo culture) =>
            string.IsNullOrEmpty(culture.Name) ? "the current culture" : $"the current culture ({culture.Name})";

        private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "...";
    }
}
