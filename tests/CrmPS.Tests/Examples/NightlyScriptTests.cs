using System.Management.Automation;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Examples;

/// <summary>examples/nightly.ps1, run twice in one session against the same three sandboxes, as a scheduler would run it on two nights.</summary>
public sealed class NightlyScriptTests : IDisposable
{
    private readonly PsHost _ps = new();
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"crmps-nightly-{Guid.NewGuid():N}");

    private static string Script => Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "nightly.ps1");

    [Fact]
    public void The_second_night_creates_nothing_and_both_nights_report_the_blacklisted_lead_with_exit_code_1()
    {
        var first = RunNightly(Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "web-leads.csv"));
        string firstAttention = File.ReadAllText(Path.Combine(_state, "needs-attention.csv"));
        var second = RunNightly(Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "web-leads.csv"));

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(new[] { ("Bizstim", 12, 0), ("Customer Database App", 12, 0), ("BOTW CRM", 11, 0) }, first.Summary.Select(s => (s.Crm, s.Created, s.AlreadyThere)));
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(new[] { ("Bizstim", 0, 12), ("Customer Database App", 0, 12), ("BOTW CRM", 0, 11) }, second.Summary.Select(s => (s.Crm, s.Created, s.AlreadyThere)));
        var attention = File.ReadAllLines(Path.Combine(_state, "needs-attention.csv"));
        Assert.Equal(2, attention.Length);
        Assert.StartsWith("\"BOTW CRM\",\"6\",\"Spam Bot\",\"spam@example.com\",", attention[1]);
        Assert.Contains("is blacklisted", attention[1]);
        Assert.Equal(string.Join("\n", attention) + "\n", firstAttention.Replace("\r\n", "\n"));
        Assert.Equal(12, File.ReadAllLines(Path.Combine(_state, "cdb-customers.ledger")).Count(l => l.StartsWith("C ", StringComparison.Ordinal)));
        Assert.False(File.Exists(Path.Combine(_state, "bizstim-checkpoint.json")));

        var stored = _ps.Run("@(Get-BizstimClient).Count; @(Get-BotwContact -Email 'ann.lee@example.com').Count; @(Get-BotwContact -Email 'marco.rossi@example.com').Count");
        Assert.Empty(stored.Errors);
        Assert.Equal(new[] { "12", "1", "1" }, stored.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_clean_night_exits_0_and_the_next_night_sends_only_the_row_added_to_the_export()
    {
        string csv = WriteTwoLeads();

        var first = RunNightly(csv);
        File.AppendAllLines(csv, new[] { "Sofia,Garcia,sofia.garcia@example.com,,Madrid,Madrid,Spain,Opening hours?" });
        var second = RunNightly(csv);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Nothing needs attention.", first.LastLine);
        Assert.False(File.Exists(Path.Combine(_state, "needs-attention.csv")));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(new[] { (1, 2), (1, 2), (1, 2) }, second.Summary.Select(s => (s.Created, s.AlreadyThere)));
    }

    [Fact]
    public void A_step_that_cannot_run_is_reported_and_the_other_crms_still_get_their_rows()
    {
        string csv = WriteTwoLeads();
        File.WriteAllText(Path.Combine(_state, "cdb-customers.ledger"), "not a ledger\n");

        var run = RunNightly(csv);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { ("Bizstim", 2), ("Customer Database App", 0), ("BOTW CRM", 2) }, run.Summary.Select(s => (s.Crm, s.Created)));
        var attention = _ps.Run("Import-Csv -Path $path", ("path", Path.Combine(_state, "needs-attention.csv")));
        var problem = Assert.Single(attention.Output);
        Assert.Equal("Customer Database App", problem.Properties["CRM"].Value);
        Assert.Equal(string.Empty, problem.Properties["Row"].Value);
        Assert.StartsWith("The import stopped: ", (string)problem.Properties["Problem"].Value);
        Assert.Contains("is not a CrmPS customer ledger", (string)problem.Properties["Problem"].Value);
    }

    private string WriteTwoLeads()
    {
        Directory.CreateDirectory(_state);
        string csv = Path.Combine(_state, "leads.csv");
        File.WriteAllLines(csv, new[]
        {
            "first name,last name,e-mail,phone,city,state,country,message",
            "Ann,Lee,ann.lee@example.com,+1 416 555 0134,Toronto,Ontario,Canada,Evening classes?",
            "Tom,Becker,tom.becker@example.com,(512) 555-0143,Austin,Texas,USA,Trial lesson?",
        });
        return csv;
    }

    private NightlyRun RunNightly(string csv)
    {
        var run = _ps.Run(
            "$global:LASTEXITCODE = $null; & $script -Sandbox -ModulePath $manifest -CsvPath $csv -StatePath $state; \"exit=$LASTEXITCODE\"",
            ("script", Script), ("manifest", ModuleAssemblyResolver.ManifestPath), ("csv", csv), ("state", _state));
        Assert.Empty(run.Errors);
        var summary = run.Output.Where(o => o.Properties["CRM"] != null)
            .Select(o => new Summary((string)o.Properties["CRM"].Value, Convert.ToInt32(o.Properties["Created"].Value), Convert.ToInt32(o.Properties["AlreadyThere"].Value)))
            .ToList();
        var lines = run.Output.Where(o => o.BaseObject is string).Select(o => (string)o.BaseObject).ToList();
        return new NightlyRun(int.Parse(lines.Last().Substring("exit=".Length)), lines[^2], summary);
    }

    public void Dispose()
    {
        _ps.Dispose();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private sealed record Summary(string Crm, int Created, int AlreadyThere);

    private sealed record NightlyRun(int ExitCode, string LastLine, List<Summary> Summary);
}
