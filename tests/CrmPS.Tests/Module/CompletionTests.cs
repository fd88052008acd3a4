#nullable enable

using System.Management.Automation;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>Tab completion as the console asks for it (TabExpansion2), for values CrmPS knows or the server lists.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly PsHost _ps = new();
    private readonly EnvironmentVariable _noKey = new("BIZSTIM_API_KEY", null);

    [Fact]
    public void Plan_completes_to_the_plans()
    {
        Assert.Equal(new[] { "Enterprise", "Trial" }, Complete("Connect-Bizstim -Plan ").Select(c => c.CompletionText).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Import-BizstimClient -Status ", new[] { "active", "inactive", "prospect" })]
    [InlineData("Import-BizstimClient -Status pro", new[] { "prospect" })]
    [InlineData("Import-BizstimClient -Status 'IN", new[] { "inactive" })]
    public void Status_completes_to_the_three_values_Bizstim_accepts(string line, string[] expected)
    {
        Assert.Equal(expected, Complete(line).Select(c => c.CompletionText));
    }

    [Fact]
    public void Server_listed_values_complete_to_nothing_and_no_error_without_a_connection()
    {
        Assert.Empty(Complete("Get-BizstimClient -Id "));
        Assert.Empty(Complete("Get-BizstimSession -Id "));
    }

    [Fact]
    public void Client_ids_complete_from_the_account_and_a_name_fragment_finds_the_id()
    {
        Connect();
        var run = _ps.Run("Get-BizstimClient -First 500");
        var clients = run.Output.Select(o => (Id: (int)o.Properties["Id"].Value, Last: (string)o.Properties["LastName"].Value)).ToList();

        var all = Complete("Get-BizstimClient -Id ");
        Assert.Equal(clients.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Select(c => c.CompletionText));
        Assert.All(all, c => Assert.Equal(CompletionResultType.ParameterValue, c.ResultType));
        Assert.Contains(clients[0].Last, all[0].ListItemText);

        var byName = Complete("Get-BizstimClient -Id " + clients[0].Last);
        Assert.Contains(clients[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), byName.Select(c => c.CompletionText));
    }

    [Fact]
    public void Emails_and_session_ids_complete_from_the_account()
    {
        Connect();

        var emails = Complete("Get-BizstimClient -Email liam");
        Assert.Equal("liam.obrien@example.org", Assert.Single(emails).CompletionText);
        Assert.Contains("william.brown@example.com", Complete("Get-BizstimClient -Email Brown").Select(c => c.CompletionText));

        var sessions = Complete("Get-BizstimSession -Id 114");
        Assert.Equal(Enumerable.Range(1140, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sessions.Select(c => c.CompletionText));
        Assert.All(sessions, s => Assert.Matches(@"^\d+ \d{4}-\d\d-\d\d \d\d:\d\d", s.ListItemText));
    }

    [Fact]
    public void Completion_uses_the_connection_typed_on_the_command_line()
    {
        var run = _ps.Run("$sandbox = Connect-Bizstim -Sandbox -PassThru; Import-Csv -Path $csv | Import-BizstimClient -ErrorAction SilentlyContinue | Out-Null; Connect-Bizstim -ApiKey 'not-used-for-completion'", ("csv", Csv));
        Assert.Empty(run.Errors);

        Assert.NotEmpty(Complete("Get-BizstimClient -Connection $sandbox -Id "));
    }

    public void Dispose()
    {
        _ps.Dispose();
        _noKey.Dispose();
    }

    private static string Csv => Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "clients.csv");

    private void Connect()
    {
        var run = _ps.Run("Connect-Bizstim -Sandbox; Import-Csv -Path $csv | Import-BizstimClient -ErrorAction SilentlyContinue | Out-Null", ("csv", Csv));
        Assert.Empty(run.Errors);
    }

    private List<CompletionResult> Complete(string line)
    {
        var run = _ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", ("line", line));
        Assert.Empty(run.Errors);
        return run.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
    }
}
