using System;

namespace CrmPS.Core
{
    internal static class PathSegment
    {
        /// <summary>
        /// Escapes a value for use as exactly one path segment. Dots are escaped too, so "." and
        /// ".." cannot be read as dot-segments that climb the route.
        /// </summary>
        public static string Escape(string value) => Uri.EscapeDataString(value ?? string.Empty).Replace(".", "%2E");
    }
}
