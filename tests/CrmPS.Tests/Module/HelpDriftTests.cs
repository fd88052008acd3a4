#nullable enable

using System.Management.Automation;
using CrmPS.HelpBuilder;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>One session with the built module, shared by a test class that only reads metadata.</summary>
public sealed class ModuleSession : IDisposable
{
    public PsHost Ps { get; } = new();

    internal CmdletInfo Cmdlet(string name)
    {
        var run = Ps.Run("Get-Command -Name $name -Module CrmPS -CommandType Cmdlet", ("name", name));
        Assert.Empty(run.Errors);
        return Assert.IsType<CmdletInfo>(Assert.Single(run.Output).BaseObject);
    }

    public void Dispose() => Ps.Dispose();
}

/// <summary>
/// The drift guard: docs/en-US/&lt;cmdlet&gt;.md must describe the cmdlet the dll really has, parameter by
/// parameter and set by set (names, types, aliases, Mandatory, Position, pipeline input), with every
/// PlatyPS section written and no {{ placeholder }} left. The help Get-Help shows is generated from
/// these pages, so a page that drifts is help that lies.
/// </summary>
public sealed class HelpDriftTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public HelpDriftTests(ModuleSession session)
    {
        _session = session;
    }

    public static IEnumerable<object[]> Cmdlets() => ModuleCatalog.CmdletRows();

    [Fact]
    public void Every_page_in_docs_documents_an_exported_cmdlet_and_every_exported_cmdlet_has_a_page()
    {
        var pages = Directory.GetFiles(ModuleCatalog.DocsDirectory, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

        Assert.Equal(ModuleCatalog.ExportedCmdlets(), pages);
        Assert.True(File.Exists(Path.Combine(ModuleCatalog.DocsDirectory, "about_CrmPS.md")));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_is_complete_PlatyPS_markdown_without_placeholders(string cmdlet)
    {
        CommandHelp page = ModuleCatalog.Page(cmdlet);
        var problems = new List<string>();

        if (page.Name != cmdlet) problems.Add($"the title is '# {page.Name}'");
        if (page.ExternalHelpFile != ModuleCatalog.HelpFileName) problems.Add($"'external help file' is '{page.ExternalHelpFile}', not {ModuleCatalog.HelpFileName}");
        if (!page.Metadata.TryGetValue("Module Name", out string? module) || module != "CrmPS") problems.Add("'Module Name' is not CrmPS");
        problems.AddRange(CommandPageParser.SectionNames.Except(page.Sections).Select(s => $"no '## {s}' section"));
        if (page.Synopsis.Count == 0) problems.Add("SYNOPSIS is empty");
        if (page.Description.Count == 0) problems.Add("DESCRIPTION is empty");
        if (page.Examples.Count == 0) problems.Add("no example");
        if (page.Inputs.Count == 0) problems.Add("INPUTS is empty (write '### None' if nothing can be piped)");
        if (page.Outputs.Count == 0) problems.Add("OUTPUTS is empty");
        if (!page.SupportsCommonParameters) problems.Add("no '### CommonParameters' entry");
        problems.AddRange(page.Parameters.Where(p => p.Description.Count == 0).Select(p => $"-{p.Name} has no description"));
        problems.AddRange(page.Placeholders.Select(p => $"line {p.Line}: placeholder {p.Text}"));

        Assert.True(problems.Count == 0, $"docs/en-US/{cmdlet}.md: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_of_the_cmdlet_is_documented_as_it_really_is(string cmdlet)
    {
        CmdletInfo info = _session.Cmdlet(cmdlet);
        CommandHelp page = ModuleCatalog.Page(cmdlet);
        var problems = new List<string>();

        var real = info.Parameters.Values.Where(p => ModuleCatalog.IsDocumented(p.Name)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var documented = page.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        problems.AddRange(real.Keys.Except(documented.Keys, StringComparer.OrdinalIgnoreCase).Select(n => $"-{n} is not documented"));
        problems.AddRange(documented.Keys.Except(real.Keys, StringComparer.OrdinalIgnoreCase).Select(n => $"-{n} is documented but the cmdlet has no such parameter"));

        string[] allSets = info.ParameterSets.Select(s => s.Name).ToArray();
        foreach (var (name, parameter) in real)
        {
            if (!documented.TryGetValue(name, out ParameterHelp? doc))
            {
                continue;
            }

            if (doc.Name != parameter.Name) problems.Add($"-{doc.Name} is spelled -{parameter.Name}");
            string type = TypeName(parameter.ParameterType);
            foreach (ParameterYaml yaml in doc.Metadata.Where(m => !TypeMatches(m.Type, type)))
            {
                problems.Add($"-{name}: Type is {yaml.Type}, the cmdlet says {type}");
            }

            var aliases = doc.Metadata[0].Aliases.Order(StringComparer.OrdinalIgnoreCase);
            if (!aliases.SequenceEqual(parameter.Aliases.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"-{name}: Aliases are '{string.Join(", ", aliases)}', the cmdlet has '{string.Join(", ", parameter.Aliases)}'");
            }

            var inSets = info.ParameterSets.Where(s => s.Parameters.Any(p => p.Name == parameter.Name)).ToList();
            bool inEverySet = inSets.Count == allSets.Length;
            foreach (CommandParameterSetInfo set in inSets)
            {
                ParameterYaml? yaml = doc.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(set.Name, StringComparer.OrdinalIgnoreCase))
                    ?? doc.Metadata.FirstOrDefault(m => m.InAllSets && inEverySet);
                if (yaml == null)
                {
                    problems.Add($"-{name}: 'Parameter Sets' does not name {set.Name}" + (inEverySet ? " (the parameter is in every set: write (All))" : string.Empty));
                    continue;
                }

                CommandParameterInfo real1 = set.Parameters.Single(p => p.Name == parameter.Name);
                string where = allSets.Length > 1 ? $" in set {set.Name}" : string.Empty;
                if (yaml.Required != real1.IsMandatory) problems.Add($"-{name}{where}: Required is {yaml.Required}, the cmdlet says {real1.IsMandatory}");
                string position = real1.Position == int.MinValue ? "Named" : real1.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!string.Equals(yaml.Position, position, StringComparison.OrdinalIgnoreCase)) problems.Add($"-{name}{where}: Position is {yaml.Position}, the cmdlet says {position}");
                if (yaml.ByValue != real1.ValueFromPipeline || yaml.ByPropertyName != real1.ValueFromPipelineByPropertyName || yaml.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) != (real1.ValueFromPipeline || real1.ValueFromPipelineByPropertyName))
                {
                    problems.Add($"-{name}{where}: 'Accept pipeline input' is {yaml.PipelineInput}, the cmdlet says {Pipeline(real1)}");
                }
            }

            foreach (string named in doc.Metadata.SelectMany(m => m.ParameterSets).Where(s => s != ParameterYaml.AllSets))
            {
                if (!inSets.Any(s => s.Name.Equals(named, StringComparison.OrdinalIgnoreCase))) problems.Add($"-{name}: 'Parameter Sets' names {named}, where the cmdlet does not have it");
            }

            if (doc.Metadata.Any(m => m.InAllSets) && !inEverySet)
            {
                problems.Add($"-{name}: 'Parameter Sets' is (All), but the parameter is only in {string.Join(", ", inSets.Select(s => s.Name))}");
            }
        }

        Assert.True(problems.Count == 0, $"docs/en-US/{cmdlet}.md drifted from the cmdlet:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_syntax_section_names_the_real_parameter_sets_and_the_outputs_name_every_OutputType(string cmdlet)
    {
        CmdletInfo info = _session.Cmdlet(cmdlet);
        CommandHelp page = ModuleCatalog.Page(cmdlet);
        var problems = new List<string>();

        var sets = info.ParameterSets.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        var documentedSets = page.Syntax.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        if (!sets.SequenceEqual(documentedSets)) problems.Add($"SYNTAX lists the sets {string.Join(", ", documentedSets)}; the cmdlet has {string.Join(", ", sets)}");
        if (sets.Count > 1)
        {
            string? documentedDefault = page.Syntax.SingleOrDefault(s => s.IsDefault)?.Name;
            string realDefault = info.ParameterSets.Single(s => s.IsDefault).Name;
            if (documentedDefault != realDefault) problems.Add($"SYNTAX marks '{documentedDefault}' as (Default); the cmdlet's default set is {realDefault}");
        }

        foreach (SyntaxHelp syntax in page.Syntax)
        {
            CommandParameterSetInfo? set = info.ParameterSets.FirstOrDefault(s => s.Name == syntax.Name);
            if (set == null) continue;
            string code = syntax.Code.Replace("\n", " ");
            foreach (CommandParameterInfo parameter in set.Parameters.Where(p => ModuleCatalog.IsDocumented(p.Name)))
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(code, $@"-{parameter.Name}\b")) problems.Add($"the SYNTAX block of {syntax.Name} does not show -{parameter.Name}");
            }
        }

        var outputs = page.Outputs.Select(o => o.TypeName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(info.OutputType.Select(t => t.Name).Where(t => !outputs.Contains(t)).Select(t => $"OUTPUTS has no '### {t}', which the cmdlet declares with [OutputType]"));

        Assert.True(problems.Count == 0, $"docs/en-US/{cmdlet}.md: " + string.Join("; ", problems));
    }

    /// <summary>The type name as PlatyPS writes it: the short name, with [] for arrays.</summary>
    private static string TypeName(Type type) => type.Name;

    private static bool TypeMatches(string documented, string real) =>
        documented.Equals(real, StringComparison.OrdinalIgnoreCase)
        || documented.EndsWith("." + real, StringComparison.OrdinalIgnoreCase)
        || (real == "SwitchParameter" && documented.Equals("switch", StringComparison.OrdinalIgnoreCase));

    private static string Pipeline(CommandParameterInfo parameter) =>
        (parameter.ValueFromPipeline, parameter.ValueFromPipelineByPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
}
