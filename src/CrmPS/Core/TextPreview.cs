using System.Net;
using System.Text.RegularExpressions;

namespace CrmPS.Core
{
    /// <summary>Turns a server body (often an HTML error page) into one short readable line.</summary>
    internal static class TextPreview
    {
        private static readonly Regex Tags = new Regex("<[^>]*>", RegexOptions.Compiled);
        private static readonly Regex ScriptsAndStyles = new Regex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.IgnoreCase);
        private static readonly Regex Whitespace = new Regex("\\s+", RegexOptions.Compiled);

        public static string StripHtml(string html)
        {
            if (string.IsNullOrEmpty(html))
            {
                return string.Empty;
            }

            string text = ScriptsAndStyles.Replace(html, " ");
            text = Tags.Replace(text, " ");
            text = WebUtility.HtmlDecode(text);
            return Whitespace.Replace(text, " ").Trim();
        }

        public static string Of(string body, int maxLength = 200)
        {
            string text = StripHtml(body);
            return text.Length <= maxLength ? text : text.Substring(0, maxLength) + "...";
        }
    }
}
