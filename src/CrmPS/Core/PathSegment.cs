using System;

namespace CrmPS.Core
{
    internal static class PathSegment
    {
        /// <summary>Escapes a value for use as exactly one path segment, so "a/b" or "../x" cannot change the route.</summary>
        public static string Escape(string value)
        {
            if (!CanCarry(value, out string reason))
            {
                throw new ArgumentException(reason);
            }

            return Uri.EscapeDataString(value);
        }

        /// <summary>
        /// "." and ".." cannot be sent as a segment at all: URI normalization (in .NET and in servers)
        /// reads them, even percent-encoded, as "this" and "parent" and drops them from the route.
        /// </summary>
        public static bool CanCarry(string value, out string reason)
        {
            reason = null;
            if (string.IsNullOrEmpty(value))
            {
                reason = "An empty value cannot be sent as a path segment.";
            }
            else if (value.Trim('.').Length == 0 && value.Length <= 2)
            {
                reason = $"'{value}' cannot be sent as a path segment: URLs read it as a relative step, not as a value.";
            }

            return reason == null;
        }
    }
}
