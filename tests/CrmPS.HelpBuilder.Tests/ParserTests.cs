namespace CrmPS.HelpBuilder.Tests;

/// <summary>What the page parser reads, and what it refuses with the file and line to fix.</summary>
public sealed class ParserTests
{
    [Fact]
    public void A_page_is_read_section_by_section()
    {
        CommandHelp page = CommandPageParser.Parse("Get-Widget.md", SamplePage.Markdown);

        Assert.Equal("Get-Widget", page.Name);
        Assert.Equal("Sample.dll-Help.xml", page.ExternalHelpFile);
        Assert.Equal(CommandPageParser.SectionNames, page.Sections);
        Assert.Equal(new[] { ("All", true), ("Id", false) }, page.Syntax.Select(s => (s.Name, s.IsDefault)));
        Assert.True(page.SupportsCommonParameters);
        ParameterYaml id = page.Parameters.Single(p => p.Name == "Id").Metadata.Single();
        Assert.Equal(("Int32[]", true, "0", true, true), (id.Type, id.Required, id.Position, id.ByValue, id.ByPropertyName));
        Assert.Equal(new[] { "Id" }, id.ParameterSets);
        Assert.True(page.Parameters.Single(p => p.Name == "Connection").Metadata.Single().InAllSets);
        Assert.Equal("Get-Widget -Id 1, 2", page.Examples[1].Script);
        Assert.Empty(page.Placeholders);
    }

    [Fact]
    public void Placeholders_left_from_a_template_are_reported_with_their_line()
    {
        string markdown = SamplePage.Markdown.Replace("Widgets are cached for a minute.", "{{ Fill in the Notes }}");

        CommandHelp page = CommandPageParser.Parse("Get-Widget.md", markdown);

        var placeholder = Assert.Single(page.Placeholders);
        Assert.Equal("{{ Fill in the Notes }}", placeholder.Text);
        Assert.Equal(markdown.Split('\n').ToList().FindIndex(l => l.Contains("{{")) + 1, placeholder.Line);
    }

    [Theory]
    [InlineData("## SYNOPSIS", "## SYNOPSYS", "Unknown section")]
    [InlineData("Accept wildcard characters: False\n```\n\n### -Force", "Accept wildcard characters: False\nColour: blue\n```\n\n### -Force", "Unknown key")]
    [InlineData("### -Force\nSkips the cache.\n\n```yaml", "### -Force\nSkips the cache.\n\n```text", "no ```yaml block")]
    [InlineData("```powershell\nGet-Widget -Id 1, 2\n```", "No code here.", "has no code block")]
    [InlineData("[Shop API](https://example.com/api)", "Shop API, see the web site", "Expected a link")]
    [InlineData("## NOTES", "## SYNOPSIS", "appears twice")]
    public void A_page_PlatyPS_would_refuse_is_refused_with_the_line(string find, string replace, string message)
    {
        string markdown = SamplePage.Markdown.Replace(find, replace);
        Assert.NotEqual(SamplePage.Markdown, markdown);

        var error = Assert.Throws<HelpSchemaException>(() => CommandPageParser.Parse("Get-Widget.md", markdown));

        Assert.Contains(message, error.Message);
        Assert.True(error.Line > 1);
        Assert.Matches(@"^Get-Widget\.md\(\d+\): error CRMHELP001: ", error.ToMSBuildError());
    }

    [Fact]
    public void An_unclosed_code_block_is_refused()
    {
        var error = Assert.Throws<HelpSchemaException>(() => CommandPageParser.Parse("x.md", "# Get-X\n\n## SYNOPSIS\nText.\n\n## SYNTAX\n```\nGet-X\n"));

        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("**Bold** and __strong__ text", "Bold and strong text")]
    [InlineData("*Italic* but not a*b or 2 * 3", "Italic but not a*b or 2 * 3")]
    [InlineData("Keep `**code**` and `a\\b` as written", "Keep `**code**` and `a\\b` as written")]
    [InlineData("Escaped \\<value\\> and \\*star\\*", "Escaped <value> and *star*")]
    [InlineData("See [about_X](about_X.md) and [the site](https://x.example/a)", "See about_X and the site (https://x.example/a)")]
    [InlineData("Autolink <https://x.example/>", "Autolink https://x.example/")]
    [InlineData("Column 105_student_id and $env:BIZSTIM_API_KEY", "Column 105_student_id and $env:BIZSTIM_API_KEY")]
    public void Inline_markdown_becomes_the_text_Get_Help_shows(string markdown, string text)
    {
        Assert.Equal(text, MarkdownText.Inline(markdown));
    }

    [Fact]
    public void Soft_wrapped_lines_are_joined_but_list_items_hard_breaks_and_indented_lines_are_not()
    {
        string[] lines =
        {
            "First line",
            "continues here.",
            "- item one",
            "  wraps.",
            "1. numbered",
            "Hard break  ",
            "after it.",
            "    indented  code",
        };

        Assert.Equal("First line continues here.\n- item one wraps.\n1. numbered Hard break\nafter it.\n    indented  code", MarkdownText.Paragraph(lines));
    }
}
