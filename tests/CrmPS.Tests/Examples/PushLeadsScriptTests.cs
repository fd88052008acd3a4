using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Examples;

/// <summary>examples/push-leads.ps1, run as a pwsh user runs it, in the hosted engine against the three in-process sandboxes.</summary>
public sealed class PushLeadsScriptTests : IDisposable
{
    private readonly PsHost _ps = new();

    private static string Script => Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "push-leads.ps1");

    [Fact]
    public void The_script_pushes_every_lead_into_the_three_crms_and_reports_the_one_BOTW_refuses()
    {
        var run = _ps.Run("& $script -ModulePath $manifest", ("script", Script), ("manifest", ModuleAssemblyResolver.ManifestPath));

        Assert.Empty(run.Errors);
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("CRM=Bizstim | Leads=12 | Created=12 | Refused=0 | What=sales inquiries, saved as prospects", lines);
        Assert.Contains("CRM=Customer Database App | Leads=12 | Created=12 | Refused=0 | What=customers, 12 with a note", lines);
        Assert.Contains("CRM=BOTW CRM | Leads=12 | Created=11 | Refused=1 | What=contacts in listing 123", lines);
        Assert.Contains("Refused: spam@example.com: BOTW CRM refused the contact because its e-mail address spam@example.com is blacklisted. BOTW said: The email address spam@example.com has been blacklisted.", lines);
        Assert.Equal(12, lines.Count(l => l.StartsWith("CustomerId=", StringComparison.Ordinal)));
        Assert.Equal("Pushed 12 leads: Bizstim 12 inquiries, Customer Database App 12 customers, BOTW 11 contacts; 1 refused.", lines.Last());
        Assert.Equal(2, run.Warnings.Count);
        Assert.Contains(run.Warnings, w => w.Contains("marco.rossi@example.com is sent and m.rossi@example.org is not", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_script_sent_is_in_the_sandboxes_afterwards()
    {
        var push = _ps.Run(". $script -ModulePath $manifest | Out-Null", ("script", Script), ("manifest", ModuleAssemblyResolver.ManifestPath));
        Assert.Empty(push.Errors);

        var run = _ps.Run(@"
            @(Get-BizstimClient).Count
            (Get-BizstimClient -Email 'marco.rossi@example.com').Status
            $customers[1].Email -join ' | '
            @($notes | Where-Object { $_.Text -eq 'Imported from the web form' }).Count
            (Get-BotwContact -Email 'priya.nair@example.com').Phone
            @(Get-BotwContact -Email 'spam@example.com').Count
            (Get-BotwContact -Name 'Dubois').FirstName");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "12", "Prospect", "marco.rossi@example.com | m.rossi@example.org", "12", "+44 20 7946 0321", "0", "Chloé" }, run.Output.Select(o => o.ToString()));
    }

    public void Dispose() => _ps.Dispose();
}
