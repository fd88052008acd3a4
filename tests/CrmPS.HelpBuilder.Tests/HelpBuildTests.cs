using System.Xml.Linq;

namespace CrmPS.HelpBuilder.Tests;

/// <summary>One run over a docs folder: the files it writes, what it removes, what stops it.</summary>
public sealed class HelpBuildTests : IDisposable
{
    private readonly string _docs = Directory.CreateTempSubdirectory("crmps-docs-").FullName;
    private readonly string _out = Directory.CreateTempSubdirectory("crmps-help-").FullName;

    [Fact]
    public void Cmdlet_pages_go_into_their_MAML_file_and_about_topics_into_help_txt()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Widget.md"), SamplePage.Markdown);
        File.WriteAllText(Path.Combine(_docs, "Set-Widget.md"), SamplePage.Markdown.Replace("# Get-Widget", "# Set-Widget"));
        File.WriteAllText(Path.Combine(_docs, "about_Sample.md"), "# about_Sample\n\n## SHORT DESCRIPTION\nSample.\n");
        File.WriteAllText(Path.Combine(_out, "about_Gone.help.txt"), "stale");

        HelpBuildResult result = HelpBuild.Run(_docs, _out);

        Assert.Equal((2, 1), (result.Commands, result.AboutTopics));
        Assert.Equal(new[] { "Sample.dll-Help.xml", "about_Sample.help.txt" }, Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        XDocument maml = XDocument.Load(Path.Combine(_out, "Sample.dll-Help.xml"));
        Assert.Equal(new[] { "Get-Widget", "Set-Widget" }, maml.Descendants(MamlWriter.Command + "details").Select(d => (string)d.Element(MamlWriter.Command + "name")!));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_placeholder_is_a_warning_in_the_MSBuild_format()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Widget.md"), SamplePage.Markdown.Replace("One object per widget.", "{{ Fill in the Description }}"));

        HelpBuildResult result = HelpBuild.Run(_docs, _out);

        Assert.Matches(@"Get-Widget\.md\(\d+\): warning CRMHELP002: Placeholder \{\{ Fill in the Description \}\}", Assert.Single(result.Warnings));
    }

    [Fact]
    public void A_page_whose_file_name_and_title_differ_stops_the_build()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Gadget.md"), SamplePage.Markdown);

        var error = Assert.Throws<HelpSchemaException>(() => HelpBuild.Run(_docs, _out));

        Assert.Contains("Get-Gadget.md but documents 'Get-Widget'", error.Message);
    }

    [Fact]
    public void A_page_without_an_external_help_file_stops_the_build()
    {
        File.WriteAllText(Path.Combine(_docs, "Get-Widget.md"), SamplePage.Markdown.Replace("external help file: Sample.dll-Help.xml\n", string.Empty));

        Assert.Throws<HelpSchemaException>(() => HelpBuild.Run(_docs, _out));
    }

    public void Dispose()
    {
        Directory.Delete(_docs, recursive: true);
        Directory.Delete(_out, recursive: true);
    }
}
