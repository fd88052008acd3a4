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
    }
}
