using System.Text;

namespace CrmPS.HelpBuilder;

/// <summary>
/// Renders an about_*.md page as the plain-text about_*.help.txt that Get-Help shows, laid out as
/// PlatyPS does: TOPIC, the section headings in capitals, text indented by four and wrapped to 80
/// columns. List items get a hanging indent; code and indented lines are kept as written.
/// </summary>
public static class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";

    public static string Render(string path, string markdown)
    {
        MarkdownDocument document = MarkdownLexer.Parse(path, markdown);
        var text = new StringBuilder();
        string? topic = null;
        foreach (MarkdownBlock block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading when topic == null:
                    if (block.Level != 1)
                    {
                        throw new HelpSchemaException(path, block.Line, "An about topic starts with '# about_<Name>'.");
                    }

                    topic = block.Text.Trim();
                    text.Append("TOPIC\n").Append(Indent).Append(topic).Append("\n\n");
                    break;
                case BlockKind.Heading when block.Level <= 2 && block.Text.Trim().Equals(topic, StringComparison.OrdinalIgnoreCase):
                    break;
                case BlockKind.Heading:
                    EnsureBlankLine(text);
                    string heading = block.Text.Trim();
                    text.Append(block.Level switch
                    {
                        1 or 2 => heading.ToUpperInvariant(),
                        3 => Indent + heading.ToUpperInvariant(),
                        _ => Indent + heading,
                    }).Append('\n');
                    break;
                case BlockKind.Code:
                    foreach (string line in block.Lines)
                    {
                        text.Append((Indent + Indent + line).TrimEnd()).Append('\n');
                    }

                    text.Append('\n');
                    break;
                default:
                    RenderParagraph(block.Lines, text);
                    text.Append('\n');
                    break;
            }
        }

        if (topic == null)
        {
            throw new HelpSchemaException(path, 1, "An about topic starts with '# about_<Name>'.");
        }

        string result = text.ToString().TrimEnd('\n') + "\n";
        return result.Replace("\n", "\r\n");
    }

    private static void RenderParagraph(IReadOnlyList<string> lines, StringBuilder text)
    {
        var flow = new StringBuilder();
        string? marker = null;

        void Flush()
        {
            if (flow.Length == 0)
            {
                return;
            }

            string content = MarkdownText.Inline(flow.ToString().Trim());
            if (marker == null)
            {
                Wrap(content, Indent, Indent, text);
            }
            else
            {
                Wrap(content, Indent + marker, Indent + new string(' ', marker.Length), text);
            }

            flow.Clear();
            marker = null;
        }

        foreach (string line in lines)
        {
            if (MarkdownText.IsPreformatted(line))
            {
                Flush();
                text.Append((Indent + line).TrimEnd()).Append('\n');
            }
            else if (MarkdownText.IsListItem(line))
            {
                Flush();
                string trimmed = line.TrimStart();
                int space = trimmed.IndexOf(' ');
                marker = trimmed[..(space + 1)];
                flow.Append(trimmed[(space + 1)..].Trim()).Append(' ');
            }
            else
            {
                flow.Append(line.Trim()).Append(' ');
            }
        }

        Flush();
    }

    private static void Wrap(string content, string firstPrefix, string prefix, StringBuilder text)
    {
        var line = new StringBuilder(firstPrefix);
        bool empty = true;
        foreach (string word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(prefix);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static void EnsureBlankLine(StringBuilder text)
    {
        if (text.Length > 0 && !(text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n'))
        {
            text.Append('\n');
        }
    }
}
