using System.Xml.Linq;
using static CrmPS.HelpBuilder.MamlWriter;

namespace CrmPS.HelpBuilder.Tests;

/// <summary>
/// The MAML the generator writes has the shape of the MAML schema as Get-Help reads it (and as
/// PlatyPS's New-ExternalHelp writes it), element by element.
/// </summary>
public sealed class MamlShapeTests
{
    private readonly XElement _command;

    public MamlShapeTests()
    {
        CommandHelp page = CommandPageParser.Parse("Get-Widget.md", SamplePage.Markdown);
        XDocument document = ToDocument(new[] { page });
        Assert.Equal(Msh + "helpItems", document.Root!.Name);
        Assert.Equal("maml", (string?)document.Root.Attribute("schema"));
        _command = Assert.Single(document.Root.Elements(Command + "command"));
    }

    [Fact]
    public void Details_hold_name_verb_noun_and_the_synopsis_as_paragraphs()
    {
        XElement details = Only(_command, Command + "details");
        Assert.Equal("Get-Widget", (string?)details.Element(Command + "name"));
        Assert.Equal("Get", (string?)details.Element(Command + "verb"));
        Assert.Equal("Widget", (string?)details.Element(Command + "noun"));
        Assert.Equal(new[] { "Gets widgets from the shop." }, Paras(Only(details, Maml + "description")));
    }

    [Fact]
    public void The_description_is_plain_text_paragraphs_with_code_spans_kept_and_lists_on_their_own_lines()
    {
        string[] paras = Paras(Only(_command, Maml + "description"));

        Assert.Equal(2, paras.Length);
        Assert.Equal("The `Get-Widget` cmdlet reads widgets. It is quick and follows the shop API (https://example.com/api) and about_Sample.", paras[0]);
        Assert.Equal("It returns:\n- one object per widget,\n- nothing when the shop is empty.", paras[1]);
    }

    [Fact]
    public void Syntax_has_one_item_per_parameter_set_default_first_with_All_parameters_in_each()
    {
        XElement[] items = Only(_command, Command + "syntax").Elements(Command + "syntaxItem").ToArray();

        Assert.Equal(2, items.Length);
        Assert.All(items, i => Assert.Equal("Get-Widget", (string?)i.Element(Maml + "name")));
        Assert.Equal(new[] { "Connection", "WhatIf" }, ParameterNames(items[0]));
        Assert.Equal(new[] { "Id", "Connection", "Force", "WhatIf" }, ParameterNames(items[1]));

        XElement id = items[1].Elements(Command + "parameter").First();
        Assert.Equal("true", (string?)id.Attribute("required"));
        Assert.Equal("0", (string?)id.Attribute("position"));
        Assert.Equal("True (ByPropertyName, ByValue)", (string?)id.Attribute("pipelineInput"));
        Assert.Equal("Int32[]", (string?)id.Element(Command + "parameterValue"));

        XElement force = items[1].Elements(Command + "parameter").Single(p => (string?)p.Element(Maml + "name") == "Force");
        Assert.Null(force.Element(Command + "parameterValue"));
        Assert.Equal("SwitchParameter", (string?)force.Element(Dev + "type")!.Element(Maml + "name"));
    }

    [Fact]
    public void Parameters_list_each_parameter_once_with_required_pipelineInput_position_aliases_description_type_and_default()
    {
        XElement[] parameters = Only(_command, Command + "parameters").Elements(Command + "parameter").ToArray();
        Assert.Equal(new[] { "Connection", "Force", "Id", "WhatIf" }, parameters.Select(p => (string?)p.Element(Maml + "name")));

        XElement id = parameters[2];
        Assert.Equal("true", (string?)id.Attribute("required"));
        Assert.Equal("true", (string?)id.Attribute("variableLength"));
        Assert.Equal("false", (string?)id.Attribute("globbing"));
        Assert.Equal("True (ByPropertyName, ByValue)", (string?)id.Attribute("pipelineInput"));
        Assert.Equal("0", (string?)id.Attribute("position"));
        Assert.Equal("WidgetId, ItemId", (string?)id.Attribute("aliases"));
        Assert.Equal(new[] { "One or more widget ids." }, Paras(Only(id, Maml + "description")));
        Assert.Equal("Int32[]", (string?)id.Element(Command + "parameterValue"));
        Assert.Equal("true", (string?)id.Element(Command + "parameterValue")!.Attribute("required"));
        Assert.Equal("Int32[]", (string?)Only(id, Dev + "type").Element(Maml + "name"));
        Assert.Equal("None", (string?)id.Element(Dev + "defaultValue"));

        XElement connection = parameters[0];
        Assert.Equal("false", (string?)connection.Attribute("required"));
        Assert.Equal("named", (string?)connection.Attribute("position"));
        Assert.Equal("false", (string?)connection.Attribute("pipelineInput"), ignoreCase: true);
        Assert.Equal("none", (string?)connection.Attribute("aliases"));

        Assert.Equal("False", (string?)parameters[1].Element(Dev + "defaultValue"));
    }

    [Fact]
    public void Examples_have_a_padded_title_all_code_blocks_and_the_remarks()
    {
        XElement[] examples = Only(_command, Command + "examples").Elements(Command + "example").ToArray();

        Assert.Equal(2, examples.Length);
        string title = (string)examples[0].Element(Maml + "title")!;
        Assert.Matches(@"^-+ Example 1: Get every widget -+$", title);
        Assert.True(title.Length is >= 62 and <= 64, title);
        Assert.Equal("Get-Widget\n\nId Name\n-- ----\n 1 Bolt", ((string)examples[0].Element(Dev + "code")!).Replace("\r\n", "\n"));
        Assert.Equal(new[] { "Lists all widgets." }, Paras(Only(examples[0], Dev + "remarks")));
        Assert.Equal(new[] { "Before the code.", "After the code." }, Paras(Only(examples[1], Dev + "remarks")));
        Assert.Equal("--- Example 3: a title far too long to be centred in sixty-four columns ---", PadTitle("Example 3: a title far too long to be centred in sixty-four columns"));
    }

    [Fact]
    public void Input_and_output_types_have_a_name_and_a_description()
    {
        XElement input = Only(Only(_command, Command + "inputTypes"), Command + "inputType");
        Assert.Equal("System.Int32[]", (string?)Only(input, Dev + "type").Element(Maml + "name"));
        Assert.Equal(new[] { "Widget ids, by value or from an Id property." }, Paras(Only(input, Maml + "description")));

        XElement output = Only(Only(_command, Command + "returnValues"), Command + "returnValue");
        Assert.Equal("Sample.Widget", (string?)Only(output, Dev + "type").Element(Maml + "name"));
        Assert.Equal(new[] { "One object per widget." }, Paras(Only(output, Maml + "description")));
    }

    [Fact]
    public void Notes_are_an_alert_and_related_links_start_with_the_online_version()
    {
        Assert.Equal(new[] { "Widgets are cached for a minute." }, Paras(Only(Only(_command, Maml + "alertSet"), Maml + "alert")));

        var links = Only(_command, Maml + "relatedLinks").Elements(Maml + "navigationLink")
            .Select(l => ((string?)l.Element(Maml + "linkText"), (string?)l.Element(Maml + "uri")))
            .ToArray();
        Assert.Equal(
            new (string?, string?)[] { ("Online Version:", "https://example.com/docs/Get-Widget.md"), ("about_Sample", string.Empty), ("Shop API", "https://example.com/api") },
            links);
    }

    [Fact]
    public void The_command_sections_come_in_the_order_Get_Help_expects()
    {
        Assert.Equal(
            new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
            _command.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void The_saved_file_is_utf8_xml_that_reads_back_the_same()
    {
        string path = Path.Combine(Path.GetTempPath(), $"maml-{Guid.NewGuid():N}.xml");
        try
        {
            CommandHelp page = CommandPageParser.Parse("Get-Widget.md", SamplePage.Markdown.Replace("Gets **widgets**", "Gets “widgets” & <things>"));
            Save(ToDocument(new[] { page }), path);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            XDocument again = XDocument.Load(path);
            Assert.Equal("Gets “widgets” & <things> from the shop.", again.Descendants(Command + "details").Single().Element(Maml + "description")!.Element(Maml + "para")!.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static XElement Only(XElement parent, XName name) => Assert.Single(parent.Elements(name));

    private static string[] Paras(XElement element) => element.Elements(Maml + "para").Select(p => p.Value.Replace("\r\n", "\n")).ToArray();

    private static string?[] ParameterNames(XElement syntaxItem) =>
        syntaxItem.Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")).ToArray();
}
