namespace CrmPS.HelpBuilder.Tests;

/// <summary>about_*.md becomes the about_*.help.txt layout Get-Help shows.</summary>
public sealed class AboutTopicTests
{
    private const string Markdown = """
# about_Sample

## about_Sample

## SHORT DESCRIPTION
Explains the **sample** module in a sentence that is long enough to need wrapping at the eightieth column of the console.

## LONG DESCRIPTION
Intro.

### Connections
Steps:

1. First step, which is also long enough that it has to wrap onto a second line of text.
2. Second step.

    Plan   Limit
    Trial  3

```powershell
Connect-Sample -Sandbox
```

## SEE ALSO
- about_CommonParameters
""";

    private readonly string[] _lines = AboutTopicWriter.Render("about_Sample.md", Markdown).Split("\r\n");

    [Fact]
    public void It_opens_with_the_topic_and_capitalised_sections()
    {
        Assert.Equal(new[] { "TOPIC", "    about_Sample", "", "SHORT DESCRIPTION" }, _lines.Take(4));
        Assert.Contains("LONG DESCRIPTION", _lines);
        Assert.Contains("    CONNECTIONS", _lines);
        Assert.Contains("SEE ALSO", _lines);
    }

    [Fact]
    public void Text_is_indented_and_wrapped_to_80_columns_with_emphasis_removed()
    {
        Assert.All(_lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, l));
        Assert.StartsWith("    Explains the sample module", _lines[4]);
        Assert.StartsWith("    ", _lines[5]);
    }

    [Fact]
    public void List_items_hang_and_preformatted_lines_and_code_keep_their_layout()
    {
        int first = Array.FindIndex(_lines, l => l.StartsWith("    1. First step", StringComparison.Ordinal));
        Assert.True(first > 0);
        Assert.StartsWith("       ", _lines[first + 1]);
        Assert.Equal("    2. Second step.", _lines[first + 2]);
        Assert.Contains("        Plan   Limit", _lines);
        Assert.Contains("        Connect-Sample -Sandbox", _lines);
        Assert.Contains("    - about_CommonParameters", _lines);
    }

    [Fact]
    public void A_topic_needs_its_title()
    {
        Assert.Throws<HelpSchemaException>(() => AboutTopicWriter.Render("about_X.md", "## SHORT DESCRIPTION\nText.\n"));
    }
}
