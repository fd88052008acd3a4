using System.Text;

namespace CrmPS.HelpBuilder;

/// <summary>What one run of the generator wrote.</summary>
public sealed record HelpBuildResult(IReadOnlyList<string> Written, int Commands, int AboutTopics, IReadOnlyList<string> Warnings);

/// <summary>
/// Builds the help of one culture: every cmdlet page of docs/&lt;culture&gt;/ into the MAML file its
/// front matter names ("external help file"), every about_*.md into about_*.help.txt.
/// </summary>
public static class HelpBuild
{
    public static HelpBuildResult Run(string docsDirectory, string outputDirectory)
    {
        var pages = new List<CommandHelp>();
        var about = new List<(string Name, string Text)>();
        var warnings = new List<string>();
        foreach (string path in Directory.EnumerateFiles(docsDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            string text = File.ReadAllText(path);
            if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                about.Add((name, AboutTopicWriter.Render(path, text)));
                continue;
            }

            CommandHelp page = CommandPageParser.Parse(path, text);
            if (page.ExternalHelpFile is not { Length: > 0 })
            {
                throw new HelpSchemaException(path, 1, "The front matter has no 'external help file:' (for CrmPS cmdlets: CrmPS.dll-Help.xml).");
            }

            if (!page.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                throw new HelpSchemaException(path, 1, $"The page is named {name}.md but documents '{page.Name}'.");
            }

            warnings.AddRange(page.Placeholders.Select(p => $"{path}({p.Line}): warning CRMHELP002: Placeholder {p.Text} left in the help; write the text."));
            pages.Add(page);
        }

        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (IGrouping<string, CommandHelp> file in pages.GroupBy(p => p.ExternalHelpFile!, StringComparer.OrdinalIgnoreCase))
        {
            string target = Path.Combine(outputDirectory, file.Key);
            MamlWriter.Save(MamlWriter.ToDocument(file), target);
            written.Add(target);
        }

        foreach (var (name, text) in about)
        {
            string target = Path.Combine(outputDirectory, name + ".help.txt");
            File.WriteAllText(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            written.Add(target);
        }

        // A page that was deleted or renamed must not leave its old help behind.
        foreach (string stale in Directory.EnumerateFiles(outputDirectory)
                     .Where(f => f.EndsWith("-Help.xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".help.txt", StringComparison.OrdinalIgnoreCase))
                     .Where(f => !written.Contains(f, StringComparer.OrdinalIgnoreCase))
                     .ToList())
        {
            File.Delete(stale);
        }

        return new HelpBuildResult(written, pages.Count, about.Count, warnings);
    }
}
