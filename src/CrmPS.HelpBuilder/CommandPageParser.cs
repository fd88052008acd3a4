using System.Text.RegularExpressions;

namespace CrmPS.HelpBuilder;

/// <summary>
/// Reads a PlatyPS (schema 2.0.0) cmdlet page: # Name, then the sections SYNOPSIS, SYNTAX,
/// DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS. What PlatyPS
/// would refuse is refused here too, with the file and line.
/// </summary>
public static class CommandPageParser
{
    public static readonly IReadOnlyList<string> SectionNames = new[]
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly Regex Placeholder = new(@"\{\{.*?\}\}", RegexOptions.CultureInvariant);
    private static readonly Regex LinkLine = new(@"^\s*\[([^\]]+)\]\(([^)]*)\)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex SyntaxHeading = new(@"^(.*?)\s*\(Default\)$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> YamlKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters", "Applicable",
    };

    public static CommandHelp ParseFile(string path) => Parse(path, File.ReadAllText(path));

    public static CommandHelp Parse(string path, string text)
    {
        MarkdownDocument document = MarkdownLexer.Parse(path, text);
        var reader = new BlockReader(document);
        MarkdownBlock first = reader.Next() ?? throw new HelpSchemaException(path, 1, "The page is empty.");
        if (first.Kind != BlockKind.Heading || first.Level != 1)
        {
            throw new HelpSchemaException(path, first.Line, "A cmdlet page starts with '# <cmdlet name>'.");
        }

        var help = new CommandHelp { Name = first.Text.Trim(), SourcePath = path, Metadata = document.Metadata };
        string[] rawLines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < rawLines.Length; i++)
        {
            foreach (Match match in Placeholder.Matches(rawLines[i]))
            {
                help.Placeholders.Add((i + 1, match.Value));
            }
        }

        while (reader.Peek() is MarkdownBlock block)
        {
            if (block.Kind != BlockKind.Heading || block.Level != 2)
            {
                throw new HelpSchemaException(path, block.Line, "Expected a section heading ('## SYNOPSIS', '## SYNTAX', ...).");
            }

            reader.Next();
            string section = block.Text.Trim().ToUpperInvariant();
            if (!SectionNames.Contains(section))
            {
                throw new HelpSchemaException(path, block.Line, $"Unknown section '## {block.Text}'. A cmdlet page has: {string.Join(", ", SectionNames)}.");
            }

            if (help.Sections.Contains(section))
            {
                throw new HelpSchemaException(path, block.Line, $"The section '## {section}' appears twice.");
            }

            help.Sections.Add(section);
            switch (section)
            {
                case "SYNOPSIS":
                    help.Synopsis.AddRange(reader.Text());
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(reader.Text());
                    break;
                case "NOTES":
                    help.Notes.AddRange(reader.Text());
                    break;
                case "SYNTAX":
                    ReadSyntax(reader, help);
                    break;
                case "EXAMPLES":
                    ReadExamples(reader, help);
                    break;
                case "PARAMETERS":
                    ReadParameters(reader, help);
                    break;
                case "INPUTS":
                    ReadTypes(reader, help.Inputs);
                    break;
                case "OUTPUTS":
                    ReadTypes(reader, help.Outputs);
                    break;
                case "RELATED LINKS":
                    ReadLinks(reader, help);
                    break;
            }
        }

        return help;
    }

    private static void ReadSyntax(BlockReader reader, CommandHelp help)
    {
        while (reader.Peek() is MarkdownBlock block && !reader.AtSection)
        {
            reader.Next();
            string name = "__AllParameterSets";
            bool isDefault = false;
            int line = block.Line;
            if (block.Kind == BlockKind.Heading && block.Level == 3)
            {
                Match match = SyntaxHeading.Match(block.Text.Trim());
                name = match.Success ? match.Groups[1].Value : block.Text.Trim();
                isDefault = match.Success;
                block = reader.Next() ?? throw new HelpSchemaException(reader.Path, line, "A syntax heading must be followed by a code block.");
            }

            if (block.Kind != BlockKind.Code)
            {
                throw new HelpSchemaException(reader.Path, block.Line, "The SYNTAX section holds '### <parameter set>' headings, each followed by a code block.");
            }

            help.Syntax.Add(new SyntaxHelp(name, isDefault, block.Text, line));
        }
    }

    private static void ReadExamples(BlockReader reader, CommandHelp help)
    {
        while (reader.Peek() is MarkdownBlock block && !reader.AtSection)
        {
            reader.Next();
            if (block.Kind != BlockKind.Heading || block.Level != 3)
            {
                throw new HelpSchemaException(reader.Path, block.Line, "Each example starts with '### Example N: <title>'.");
            }

            var example = new ExampleHelp { Title = block.Text.Trim(), Line = block.Line };
            while (reader.Peek() is MarkdownBlock part && part.Kind != BlockKind.Heading)
            {
                reader.Next();
                if (part.Kind == BlockKind.Code)
                {
                    example.Code.Add((part.Info, part.Text));
                }
                else
                {
                    example.Remarks.Add(MarkdownText.Paragraph(part.Lines));
                }
            }

            if (example.Code.Count == 0)
            {
                throw new HelpSchemaException(reader.Path, block.Line, $"Example '{example.Title}' has no code block.");
            }

            help.Examples.Add(example);
        }
    }

    private static void ReadParameters(BlockReader reader, CommandHelp help)
    {
        while (reader.Peek() is MarkdownBlock block && !reader.AtSection)
        {
            reader.Next();
            if (block.Kind != BlockKind.Heading || block.Level != 3)
            {
                throw new HelpSchemaException(reader.Path, block.Line, "Each parameter starts with '### -<Name>'.");
            }

            string name = block.Text.Trim();
            if (name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase) || name.Equals("WorkflowParameters", StringComparison.OrdinalIgnoreCase))
            {
                help.SupportsCommonParameters |= name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase);
                reader.Text();
                continue;
            }

            if (!name.StartsWith('-'))
            {
                throw new HelpSchemaException(reader.Path, block.Line, $"A parameter heading is '### -<Name>', not '### {name}'.");
            }

            var parameter = new ParameterHelp { Name = name[1..], Line = block.Line };
            while (reader.Peek() is MarkdownBlock part && part.Kind != BlockKind.Heading)
            {
                reader.Next();
                if (part.Kind == BlockKind.Code && part.Info.Equals("yaml", StringComparison.OrdinalIgnoreCase))
                {
                    parameter.Metadata.Add(ParseYaml(reader.Path, part));
                }
                else
                {
                    parameter.Description.Add(part.Kind == BlockKind.Code ? Indent(part.Text) : MarkdownText.Paragraph(part.Lines));
                }
            }

            if (parameter.Metadata.Count == 0)
            {
                throw new HelpSchemaException(reader.Path, block.Line, $"Parameter -{parameter.Name} has no ```yaml block.");
            }

            help.Parameters.Add(parameter);
        }
    }

    private static ParameterYaml ParseYaml(string path, MarkdownBlock block)
    {
        var metadata = new ParameterYaml { Line = block.Line };
        for (int i = 0; i < block.Lines.Count; i++)
        {
            string line = block.Lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            int colon = line.IndexOf(':');
            string key = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (!YamlKeys.Contains(key))
            {
                throw new HelpSchemaException(path, block.Line + i + 1, $"Unknown key in a parameter's yaml block: '{line.Trim()}'.");
            }

            string value = line[(colon + 1)..].Trim();
            switch (key.ToUpperInvariant())
            {
                case "TYPE":
                    metadata.Type = value;
                    break;
                case "PARAMETER SETS":
                    metadata.ParameterSets.AddRange(SplitList(value));
                    break;
                case "ALIASES":
                    metadata.Aliases.AddRange(SplitList(value));
                    break;
                case "ACCEPTED VALUES":
                    metadata.AcceptedValues.AddRange(SplitList(value));
                    break;
                case "REQUIRED":
                    metadata.Required = value.StartsWith("True", StringComparison.OrdinalIgnoreCase);
                    break;
                case "POSITION":
                    metadata.Position = value.Length == 0 ? "Named" : value;
                    break;
                case "DEFAULT VALUE":
                    metadata.DefaultValue = value.Length == 0 ? null : value;
                    break;
                case "ACCEPT PIPELINE INPUT":
                    metadata.PipelineInput = value.Length == 0 ? "False" : value;
                    break;
                case "ACCEPT WILDCARD CHARACTERS":
                    metadata.Globbing = value.StartsWith("True", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        if (metadata.Type.Length == 0)
        {
            throw new HelpSchemaException(path, block.Line, "A parameter's yaml block needs 'Type:'.");
        }

        if (metadata.ParameterSets.Count == 0)
        {
            metadata.ParameterSets.Add(ParameterYaml.AllSets);
        }

        return metadata;
    }

    private static void ReadTypes(BlockReader reader, List<TypeHelp> types)
    {
        while (reader.Peek() is MarkdownBlock block && !reader.AtSection)
        {
            reader.Next();
            if (block.Kind != BlockKind.Heading || block.Level != 3)
            {
                throw new HelpSchemaException(reader.Path, block.Line, "INPUTS and OUTPUTS hold '### <type name>' headings, each followed by its description.");
            }

            types.Add(new TypeHelp(block.Text.Trim(), reader.Text()));
        }
    }

    private static void ReadLinks(BlockReader reader, CommandHelp help)
    {
        while (reader.Peek() is MarkdownBlock block && !reader.AtSection)
        {
            reader.Next();
            if (block.Kind != BlockKind.Paragraph)
            {
                throw new HelpSchemaException(reader.Path, block.Line, "RELATED LINKS holds one '[text](address)' link per line.");
            }

            for (int i = 0; i < block.Lines.Count; i++)
            {
                Match match = LinkLine.Match(block.Lines[i]);
                if (!match.Success)
                {
                    throw new HelpSchemaException(reader.Path, block.Line + i, $"Expected a link '[text](address)', found '{block.Lines[i].Trim()}'.");
                }

                help.Links.Add(new LinkHelp(match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim()));
            }
        }
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Indent(string code) => string.Join("\n", code.Split('\n').Select(l => "    " + l));

    /// <summary>Walks the blocks; <see cref="Text"/> reads the paragraphs and code of a section body.</summary>
    private sealed class BlockReader
    {
        private readonly IReadOnlyList<MarkdownBlock> _blocks;
        private int _index;

        public BlockReader(MarkdownDocument document)
        {
            _blocks = document.Blocks;
            Path = document.Path;
        }

        public string Path { get; }

        public bool AtSection => Peek() is { Kind: BlockKind.Heading, Level: <= 2 };

        public MarkdownBlock? Peek() => _index < _blocks.Count ? _blocks[_index] : null;

        public MarkdownBlock? Next() => _index < _blocks.Count ? _blocks[_index++] : null;

        /// <summary>Paragraphs (and code blocks, indented) up to the next heading.</summary>
        public List<string> Text()
        {
            var paragraphs = new List<string>();
            while (Peek() is MarkdownBlock block && block.Kind != BlockKind.Heading)
            {
                Next();
                paragraphs.Add(block.Kind == BlockKind.Code ? Indent(block.Text) : MarkdownText.Paragraph(block.Lines));
            }

            return paragraphs;
        }
    }
}
