using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmPS.HelpBuilder;

/// <summary>
/// Writes MAML, the XML that Get-Help reads for binary cmdlets (&lt;assembly&gt;-Help.xml), in the
/// shape PlatyPS's New-ExternalHelp produces: command:details, maml:description, command:syntax,
/// command:parameters, command:inputTypes, command:returnValues, maml:alertSet, command:examples
/// and maml:relatedLinks.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument ToDocument(IEnumerable<CommandHelp> commands) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement)));

    public static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using XmlWriter writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    public static XElement CommandElement(CommandHelp command)
    {
        int dash = command.Name.IndexOf('-');
        string verb = dash > 0 ? command.Name[..dash] : command.Name;
        string noun = dash > 0 ? command.Name[(dash + 1)..] : string.Empty;
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(
                Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                new XElement(Maml + "description", Paragraphs(command.Synopsis))),
            new XElement(Maml + "description", Paragraphs(command.Description)),
            new XElement(Command + "syntax", SyntaxItems(command)),
            new XElement(Command + "parameters", command.Parameters.Select(p => ParameterElement(p, p.Metadata[0], inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Maml + "relatedLinks", Links(command)));
    }

    /// <summary>
    /// The parameter sets and their parameters, built from the yaml blocks as PlatyPS does (the
    /// SYNTAX code blocks are for people): "(All)" parameters belong to every set. The SYNTAX
    /// headings give the order, default set first as the page lists it.
    /// </summary>
    public static IReadOnlyList<(string Name, List<(ParameterHelp Parameter, ParameterYaml Metadata)> Parameters)> ParameterSets(CommandHelp command)
    {
        var names = new List<string>();
        foreach (SyntaxHelp syntax in command.Syntax)
        {
            names.Add(syntax.Name);
        }

        foreach (string set in command.Parameters.SelectMany(p => p.Metadata).SelectMany(m => m.ParameterSets))
        {
            if (set != ParameterYaml.AllSets && !names.Contains(set, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(set);
            }
        }

        bool anyNamedSet = command.Parameters.SelectMany(p => p.Metadata).Any(m => !m.InAllSets);
        if (anyNamedSet)
        {
            names.RemoveAll(n => n == "__AllParameterSets");
        }

        if (names.Count == 0)
        {
            names.Add("__AllParameterSets");
        }

        var result = new List<(string, List<(ParameterHelp, ParameterYaml)>)>();
        foreach (string name in names)
        {
            var members = new List<(ParameterHelp Parameter, ParameterYaml Metadata, int Order)>();
            int order = 0;
            foreach (ParameterHelp parameter in command.Parameters)
            {
                ParameterYaml? metadata =
                    parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(name, StringComparer.OrdinalIgnoreCase))
                    ?? parameter.Metadata.FirstOrDefault(m => m.InAllSets);
                if (metadata != null)
                {
                    members.Add((parameter, metadata, order++));
                }
            }

            var ordered = members
                .OrderBy(m => PositionKey(m.Metadata.Position))
                .ThenBy(m => m.Metadata.Required ? 0 : 1)
                .ThenBy(m => IsShouldProcess(m.Parameter.Name) ? 1 : 0)
                .ThenBy(m => m.Order)
                .Select(m => (m.Parameter, m.Metadata))
                .ToList();
            result.Add((name, ordered));
        }

        return result;
    }

    private static IEnumerable<XElement> SyntaxItems(CommandHelp command) =>
        ParameterSets(command).Select(set => new XElement(
            Command + "syntaxItem",
            new XElement(Maml + "name", command.Name),
            set.Parameters.Select(p => ParameterElement(p.Parameter, p.Metadata, inSyntax: true))));

    private static XElement ParameterElement(ParameterHelp parameter, ParameterYaml metadata, bool inSyntax)
    {
        string type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type;
        return new XElement(
            Command + "parameter",
            new XAttribute("required", Bool(metadata.Required)),
            new XAttribute("variableLength", Bool(type.EndsWith("[]", StringComparison.Ordinal))),
            new XAttribute("globbing", Bool(metadata.Globbing)),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(parameter.Description)),
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(
                    Command + "parameterValueGroup",
                    metadata.AcceptedValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
                : null,
            inSyntax && metadata.IsSwitch
                ? null
                : new XElement(Command + "parameterValue", new XAttribute("required", Bool(!metadata.IsSwitch)), new XAttribute("variableLength", "false"), type),
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", metadata.IsSwitch && (metadata.DefaultValue is null or "None") ? "False" : metadata.DefaultValue ?? "None"));
    }

    private static XElement TypeElement(string name, TypeHelp type) =>
        new(
            Command + name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paragraphs(type.Description)));

    private static XElement ExampleElement(ExampleHelp example) =>
        new(
            Command + "example",
            new XElement(Maml + "title", PadTitle(example.Title)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code.Select(c => c.Code))),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static IEnumerable<XElement> Links(CommandHelp command)
    {
        if (command.OnlineVersion is string online)
        {
            yield return Link("Online Version:", online);
        }

        foreach (LinkHelp link in command.Links)
        {
            // Get-Help only understands absolute addresses; a link between markdown pages keeps its text.
            yield return Link(link.Text, MarkdownText.IsAbsolute(link.Uri) ? link.Uri : string.Empty);
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));

    /// <summary>
    /// PlatyPS centres an example title in dashes to 64 characters: "---- Example 1: ... ----".
    /// A longer title still gets a few dashes, so Get-Help shows where each example starts.
    /// </summary>
    public static string PadTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return title;
        }

        if (title.Length >= 56)
        {
            return $"--- {title} ---";
        }

        string dashes = new('-', (64 - title.Length - 2) / 2);
        return $"{dashes} {title} {dashes}";
    }

    private static int PositionKey(string position) =>
        int.TryParse(position, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : int.MaxValue;

    private static bool IsShouldProcess(string name) => name is "WhatIf" or "Confirm";

    private static string Bool(bool value) => value ? "true" : "false";
}
