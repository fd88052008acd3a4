using System.Text.RegularExpressions;

namespace CrmPS.HelpBuilder;

public enum BlockKind
{
    Heading,
    Paragraph,
    Code,
}

/// <summary>One block of a markdown file: a heading, a paragraph (its raw lines) or a fenced code block.</summary>
public sealed record MarkdownBlock(BlockKind Kind, int Line, int Level, IReadOnlyList<string> Lines, string Info)
{
    /// <summary>The heading text, the code, or the paragraph's raw lines joined by \n.</summary>
    public string Text => string.Join("\n", Lines);
}

/// <summary>The front matter and blocks of a markdown file.</summary>
public sealed record MarkdownDocument(string Path, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<MarkdownBlock> Blocks);

/// <summary>
/// Splits the PlatyPS subset of markdown into blocks: YAML front matter, ATX headings, fenced code
/// blocks and paragraphs. Everything inside a paragraph stays raw; <see cref="MarkdownText"/> reads it.
/// </summary>
public static class MarkdownLexer
{
    private static readonly Regex Heading = new(@"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Fence = new(@"^[ ]{0,3}(`{3,}|~{3,})[ \t]*([^`]*?)[ \t]*$", RegexOptions.CultureInvariant);

    public static MarkdownDocument Parse(string path, string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var blocks = new List<MarkdownBlock>();
        int i = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            i = 1;
            for (; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    metadata[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
                else if (lines[i].Trim().Length > 0)
                {
                    throw new HelpSchemaException(path, i + 1, $"Front matter line is not 'key: value': {lines[i].Trim()}");
                }
            }

            if (i == lines.Length)
            {
                throw new HelpSchemaException(path, 1, "The front matter opened with '---' is never closed.");
            }

            i++;
        }

        List<string>? paragraph = null;
        int paragraphLine = 0;
        void EndParagraph()
        {
            if (paragraph != null)
            {
                blocks.Add(new MarkdownBlock(BlockKind.Paragraph, paragraphLine, 0, paragraph, string.Empty));
                paragraph = null;
            }
        }

        for (; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0)
            {
                EndParagraph();
                continue;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                EndParagraph();
                while (i < lines.Length && !lines[i].Contains("-->", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            Match fence = Fence.Match(line);
            if (fence.Success)
            {
                EndParagraph();
                string marker = fence.Groups[1].Value;
                int start = i + 1;
                var code = new List<string>();
                for (i++; i < lines.Length && !IsClosingFence(lines[i], marker); i++)
                {
                    code.Add(lines[i]);
                }

                if (i == lines.Length)
                {
                    throw new HelpSchemaException(path, start, "A code block opened here is never closed.");
                }

                blocks.Add(new MarkdownBlock(BlockKind.Code, start, 0, code, fence.Groups[2].Value.Trim()));
                continue;
            }

            Match heading = Heading.Match(line);
            if (heading.Success)
            {
                EndParagraph();
                blocks.Add(new MarkdownBlock(BlockKind.Heading, i + 1, heading.Groups[1].Value.Length, new[] { heading.Groups[2].Value }, string.Empty));
                continue;
            }

            if (paragraph == null)
            {
                paragraph = new List<string>();
                paragraphLine = i + 1;
            }

            paragraph.Add(line.TrimEnd('\r'));
        }

        EndParagraph();
        return new MarkdownDocument(path, metadata, blocks);
    }

    private static bool IsClosingFence(string line, string marker)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= marker.Length && trimmed.All(c => c == marker[0]);
    }
}
