using System.Text.RegularExpressions;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Examples;

/// <summary>
/// examples/push-leads.ps1 in the real shell (a <c>dotnet pwsh</c> child process), as the README shows it,
/// against the three in-process sandboxes.
/// </summary>
public sealed class PushLeadsScriptTests
{
    private static string Script => Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "push-leads.ps1");

    [Fact]
    public void The_script_pushes_every_lead_into_the_three_crms_and_reports_the_one_BOTW_refuses()
    {
        var run = PwshProcess.RunFile(Script, "-ModulePath", ModuleAssemblyResolver.ManifestPath);

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        Assert.Equal(string.Empty, run.StandardError);
        var lines = run.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Bizstim\s+12\s+12\s+0 sales inquiries, saved as prospects$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Customer Database App\s+12\s+12\s+0 customers, 12 with a note$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^BOTW CRM\s+12\s+11\s+1 contacts in listing 123$"));
        Assert.Contains("Refused: spam@example.com: BOTW CRM refused the contact because its e-mail address spam@example.com is blacklisted. BOTW said: The email address spam@example.com has been blacklisted.", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s*\d+ Marco\s+Rossi\s+\{marco\.rossi@example\.com, m\.rossi@example\.org\}$"));
        Assert.Equal("Pushed 12 leads: Bizstim 12 inquiries, Customer Database App 12 customers, BOTW 11 contacts; 1 refused.", lines.Last());
        var warnings = lines.Where(l => l.StartsWith("WARNING: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("marco.rossi@example.com is sent and m.rossi@example.org is not", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_script_sent_is_in_the_sandboxes_afterwards()
    {
        var run = PwshProcess.RunCommand(@"
            . $env:CRMPS_SCRIPT -ModulePath $env:CRMPS_MANIFEST 3>$null | Out-Null
            @(Get-BizstimClient).Count
            (Get-BizstimClient -Email 'marco.rossi@example.com').Status
            $customers[1].Email -join ' | '
            @($notes | Where-Object { $_.Text -eq 'Imported from the web form' }).Count
            (Get-BotwContact -Email 'priya.nair@example.com').Phone
            @(Get-BotwContact -Email 'spam@example.com').Count
            (Get-BotwContact -Name 'Dubois').FirstName",
            new Dictionary<string, string> { ["CRMPS_SCRIPT"] = Script, ["CRMPS_MANIFEST"] = ModuleAssemblyResolver.ManifestPath });

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        Assert.Equal(string.Empty, run.StandardError);
        Assert.Equal(
            new[] { "12", "Prospect", "marco.rossi@example.com | m.rossi@example.org", "12", "+44 20 7946 0321", "0", "Chloé" },
            run.Lines.Where(l => l.Length > 0));
    }
}
