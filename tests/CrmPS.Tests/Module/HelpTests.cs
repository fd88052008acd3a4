#nullable enable

using System.Globalization;
using System.Management.Automation;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// Get-Help through the real engine, on the help the build generated into out/CrmPS/&lt;version&gt;/en-US:
/// what a sysadmin sees in the first minute. The engine finds CrmPS.dll-Help.xml next to the module
/// in a folder named after the UI culture, then its parents, then the module folder itself, and
/// (PowerShell 7) finally en-US and en, so these tests run under en-US and once under another culture.
/// </summary>
public sealed class HelpTests : IClassFixture<ModuleSession>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly PsHost _ps;

    public HelpTests(ModuleSession session)
    {
        _ps = session.Ps;
    }

    public static IEnumerable<object[]> Cmdlets() => ModuleCatalog.CmdletRows();

    [Fact]
    public void The_build_put_the_generated_help_next_to_the_module()
    {
        string folder = Path.Combine(ModuleAssemblyResolver.ModuleDirectory, "en-US");

        Assert.True(File.Exists(Path.Combine(folder, ModuleCatalog.HelpFileName)));
        Assert.True(File.Exists(Path.Combine(folder, "about_CrmPS.help.txt")));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Get_Help_Full_shows_the_synopsis_description_examples_and_every_parameter_described(string cmdlet)
    {
        PSObject help = GetHelp(cmdlet, English);
        string synopsis = Text(help.Properties["Synopsis"]?.Value);

        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.DoesNotMatch($"^{cmdlet}( |$)", synopsis.Trim());
        Assert.Equal(ModuleCatalog.Page(cmdlet).Synopsis.Single(), synopsis.Trim());
        Assert.False(string.IsNullOrWhiteSpace(Text(help.Properties["description"]?.Value)), $"{cmdlet}: no description");

        var examples = Items(help, "examples", "example");
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(Text(e.Properties["code"]?.Value)), $"{cmdlet}: an example without code"));

        var parameters = Items(help, "parameters", "parameter");
        var undescribed = parameters.Where(p => string.IsNullOrWhiteSpace(Text(p.Properties["description"]?.Value))).Select(p => Text(p.Properties["name"]?.Value));
        Assert.Empty(undescribed);
        var real = Cmdlet(cmdlet).Parameters.Keys.Where(ModuleCatalog.IsDocumented).Order(StringComparer.Ordinal);
        Assert.Equal(real, parameters.Select(p => Text(p.Properties["name"]?.Value)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void There_is_at_least_one_example_per_parameter_set(string cmdlet)
    {
        CmdletInfo info = Cmdlet(cmdlet);
        PSObject help = GetHelp(cmdlet, English);
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PSObject example in Items(help, "examples", "example"))
        {
            foreach (var invocation in Invocations(cmdlet, Text(example.Properties["code"]?.Value)))
            {
                covered.UnionWith(SetsOf(info, invocation.Bound, invocation.Piped, invocation.Splatted));
            }
        }

        var missing = info.ParameterSets.Select(s => s.Name).Where(s => !covered.Contains(s)).ToList();
        Assert.True(missing.Count == 0, $"{cmdlet}: no example uses the parameter set(s) {string.Join(", ", missing)}");
    }

    [Fact]
    public void Get_Help_Examples_shows_titled_examples_with_code()
    {
        var run = _ps.RunIn(English, "Get-Help -Name Import-BizstimClient -Examples");
        Assert.Empty(run.Errors);

        var examples = Items(Assert.Single(run.Output), "examples", "example");
        Assert.True(examples.Count >= 5);
        Assert.Contains("Example 1: Import a CSV file", Text(examples[0].Properties["title"]?.Value));
        Assert.Contains("Import-Csv", Text(examples[0].Properties["code"]?.Value));
        Assert.False(string.IsNullOrWhiteSpace(Text(examples[0].Properties["remarks"]?.Value)));
    }

    [Fact]
    public void Get_Help_Parameter_shows_the_pipeline_and_position_the_cmdlet_has()
    {
        var run = _ps.RunIn(English, "Get-Help -Name Get-BizstimClient -Parameter Id");
        Assert.Empty(run.Errors);

        PSObject id = Assert.Single(run.Output);
        Assert.Equal("true", Text(id.Properties["required"]?.Value));
        Assert.Equal("0", Text(id.Properties["position"]?.Value));
        Assert.Equal("True (ByPropertyName)", Text(id.Properties["pipelineInput"]?.Value));
        Assert.Contains("ClientId", Text(id.Properties["aliases"]?.Value));
    }

    [Fact]
    public void The_online_version_link_comes_first_so_Get_Help_Online_opens_the_page()
    {
        PSObject help = GetHelp("Connect-Bizstim", English);

        var links = Items(help, "relatedLinks", "navigationLink");
        Assert.Equal("https://github.com/crmps/CrmPS/blob/main/docs/en-US/Connect-Bizstim.md", Text(links[0].Properties["uri"]?.Value));
        Assert.Contains(links, l => Text(l.Properties["linkText"]?.Value) == "about_CrmPS");
    }

    [Fact]
    public void Get_Help_about_CrmPS_shows_the_about_topic()
    {
        var run = _ps.RunIn(English, "Get-Help -Name about_CrmPS");
        Assert.Empty(run.Errors);

        string text = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.Contains("BIZSTIM_API_KEY", text);
        Assert.Contains("RATE LIMITS AND BATCHING", text);
    }

    [Fact]
    public void A_user_on_another_UI_culture_gets_the_English_help_not_the_bare_syntax()
    {
        PSObject help = GetHelp("Get-BizstimSession", CultureInfo.GetCultureInfo("de-DE"));

        Assert.Equal(ModuleCatalog.Page("Get-BizstimSession").Synopsis.Single(), Text(help.Properties["Synopsis"]?.Value).Trim());
    }

    private PSObject GetHelp(string cmdlet, CultureInfo culture)
    {
        var run = _ps.RunIn(culture, "Get-Help -Name $name -Full", ("name", cmdlet));
        Assert.Empty(run.Errors);
        return Assert.Single(run.Output);
    }

    private CmdletInfo Cmdlet(string name)
    {
        var run = _ps.Run("Get-Command -Name $name -Module CrmPS -CommandType Cmdlet", ("name", name));
        return Assert.IsType<CmdletInfo>(Assert.Single(run.Output).BaseObject);
    }

    /// <summary>Each call of the cmdlet in an example: the parameters it binds (as the engine binds them statically) and whether it is fed by a pipeline.</summary>
    private List<(string[] Bound, bool Piped, bool Splatted)> Invocations(string cmdlet, string code)
    {
        const string script = """
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$null, [ref]$null)
            $calls = $ast.FindAll({ param($a) $a -is [System.Management.Automation.Language.CommandAst] -and $a.GetCommandName() -eq $name }, $true)
            foreach ($call in $calls) {
                $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($call, $true)
                $piped = $call.Parent -is [System.Management.Automation.Language.PipelineAst] -and $call.Parent.PipelineElements.IndexOf($call) -gt 0
                $splatted = @($call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.VariableExpressionAst] -and $_.Splatted }).Count -gt 0
                [pscustomobject]@{ Bound = @($binding.BoundParameters.Keys); Piped = $piped; Splatted = $splatted }
            }
            """;
        var run = _ps.Run(script, ("code", code), ("name", cmdlet));
        Assert.Empty(run.Errors);
        return run.Output
            .Select(o => (LanguagePrimitives.GetEnumerable(o.Properties["Bound"].Value)!.Cast<object>().Select(k => k.ToString()!).ToArray(), (bool)o.Properties["Piped"].Value, (bool)o.Properties["Splatted"].Value))
            .ToList();
    }

    /// <summary>
    /// The parameter sets one call can run in: every parameter it binds is in the set, and every
    /// mandatory parameter of the set is bound or, for a piped call, takes pipeline input. When
    /// several remain, a piped call means the sets whose mandatory parameters it feeds, and a plain
    /// call means the default set. A splatted hashtable may hold any parameter, so only what is
    /// written out narrows the sets.
    /// </summary>
    private static IEnumerable<string> SetsOf(CmdletInfo info, string[] bound, bool piped, bool splatted)
    {
        var candidates = info.ParameterSets
            .Where(s => bound.All(b => s.Parameters.Any(p => p.Name.Equals(b, StringComparison.OrdinalIgnoreCase))))
            .Where(s => s.Parameters.Where(p => p.IsMandatory).All(p =>
                splatted || bound.Contains(p.Name, StringComparer.OrdinalIgnoreCase) || (piped && (p.ValueFromPipeline || p.ValueFromPipelineByPropertyName))))
            .ToList();
        if (candidates.Count <= 1)
        {
            return candidates.Select(s => s.Name);
        }

        if (piped)
        {
            var fed = candidates.Where(s => s.Parameters.Any(p => p.IsMandatory && !bound.Contains(p.Name, StringComparer.OrdinalIgnoreCase))).ToList();
            if (fed.Count > 0)
            {
                return fed.Select(s => s.Name);
            }
        }

        return candidates.Where(s => s.IsDefault).Select(s => s.Name);
    }

    private static List<PSObject> Items(PSObject help, string container, string item)
    {
        object? value = help.Properties[container]?.Value;
        if (value is not PSObject wrapper || wrapper.Properties[item]?.Value is not object items)
        {
            return new List<PSObject>();
        }

        return LanguagePrimitives.GetEnumerable(items) is System.Collections.IEnumerable many
            ? many.Cast<object>().Select(PSObject.AsPSObject).ToList()
            : new List<PSObject> { PSObject.AsPSObject(items) };
    }

    /// <summary>The text of a help node: a string, a para object with Text, or a list of them.</summary>
    private static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string s:
                return s;
            case PSObject pso when pso.BaseObject is string s:
                return s;
            case PSObject pso when pso.Properties["Text"] != null:
                return Text(pso.Properties["Text"].Value);
            case PSObject pso when pso.BaseObject is object[] array:
                return string.Join("\n", array.Select(Text));
            case object[] array:
                return string.Join("\n", array.Select(Text));
            default:
                return value.ToString() ?? string.Empty;
        }
    }
}
