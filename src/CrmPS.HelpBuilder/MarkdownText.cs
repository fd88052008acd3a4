using System.Text;
using System.Text.RegularExpressions;

namespace CrmPS.HelpBuilder;

/// <summary>
/// Turns the raw lines of a markdown paragraph into the plain text Get-Help shows, the way
/// PlatyPS does: emphasis markers and backslash escapes are dropped, a link keeps its text (and
/// its address when it is absolute), inline code keeps its backticks, soft-wrapped lines are
/// joined. List items, hard breaks and indented (preformatted) lines keep their own line.
/// </summary>
public static class MarkdownText
{
    private static readonly Regex ListItem = new(@"^\s{0,3}([-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant);
    private static readonly Regex Link = new(@"\[([^\]]+)\]\(([^)\s]*)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant);
    private static readonly Regex AutoLink = new(@"<(https?://[^>\s]+)>", RegexOptions.CultureInvariant);
    private static readonly Regex Bold = new(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.CultureInvariant);
    private static readonly Regex Italic = new(@"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])", RegexOptions.CultureInvariant);
    private static readonly Regex Escape = new(@"\\([\\`*_{}\[\]()#+\-.!<>|])", RegexOptions.CultureInvariant);

    public static bool IsListItem(string line) => ListItem.IsMatch(line);

    public static bool IsPreformatted(string line) => line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t');

    /// <summary>The paragraph as text; lines that must stay lines are separated by \n.</summary>
    public static string Paragraph(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        bool breakNext = false;
        for (int k = 0; k < lines.Count; k++)
        {
            string line = lines[k];
            bool preformatted = IsPreformatted(line);
            bool hardBreak = !preformatted && (line.EndsWith("  ", StringComparison.Ordinal) || line.TrimEnd().EndsWith('\\'));
            string content = preformatted ? line.TrimEnd() : line.Trim();
            if (!preformatted && content.EndsWith('\\'))
            {
                content = content[..^1].TrimEnd();
            }

            if (k > 0)
            {
                text.Append(breakNext || preformatted || IsListItem(line) ? '\n' : ' ');
            }

            text.Append(preformatted ? content : Inline(content));
            breakNext = hardBreak || preformatted;
        }

        return text.ToString();
    }

    /// <summary>Inline markdown of one line to plain text; code spans are kept as they are.</summary>
    public static string Inline(string text)
    {
        var result = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            int tick = text.IndexOf('`', i);
            if (tick < 0)
            {
                result.Append(Prose(text[i..]));
                break;
            }

            int run = 1;
            while (tick + run < text.Length && text[tick + run] == '`')
            {
                run++;
            }

            string marker = new('`', run);
            int close = text.IndexOf(marker, tick + run, StringComparison.Ordinal);
            if (close < 0)
            {
                result.Append(Prose(text[i..]));
                break;
            }

            result.Append(Prose(text[i..tick]));
            result.Append(text, tick, close + run - tick);
            i = close + run;
        }

        return result.ToString();
    }

    private static string Prose(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        text = Link.Replace(text, m => IsAbsolute(m.Groups[2].Value) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        text = AutoLink.Replace(text, "$1");
        text = Bold.Replace(text, "$2");
        text = Italic.Replace(text, "$1");
        return Escape.Replace(text, "$1");
    }

    internal static bool IsAbsolute(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);
}
