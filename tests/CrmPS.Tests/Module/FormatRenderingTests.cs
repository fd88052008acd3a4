#nullable enable

using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// The default views as the real formatting engine renders them (Out-Default to a 120-column
/// console): what a sysadmin sees after pressing Enter.
/// </summary>
public sealed class FormatRenderingTests : IDisposable
{
    private readonly CaptureHost _host = new(FormatViewTests.ConsoleWidth);
    private readonly Runspace _runspace;

    public FormatRenderingTests()
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
        Run("Import-Module -Name $args[0] -ErrorAction Stop; Connect-Bizstim -Sandbox; Import-Csv -Path $args[1] | Import-BizstimClient -ErrorAction SilentlyContinue | Out-Null",
            ModuleAssemblyResolver.ManifestPath, Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "clients.csv"));
        _host.Clear();
    }

    [Theory]
    [InlineData("Get-BizstimClient -First 5", @"^\s*Id FirstName\s+LastName\s+City\s+State\s+Country\s+Email\s*$")]
    [InlineData("Get-BizstimClient -Id (Get-BizstimClient -First 2).Id", @"^\s*Id FirstName\s+LastName\s+City\s+State\s+Status\s+Email\s*$")]
    [InlineData("Import-BizstimClient -FirstName Ada -LastName Lovelace -State London -Country UK -Status active -WhatIf", @"^Status\s+Row Batch FirstName\s+LastName\s+Email\s+Message\s*$")]
    [InlineData("Get-BizstimSession -First 5", @"^SessionId Status\s+Start\s+End\s+ClientId IsGroup Description\s*$")]
    [InlineData("Get-BizstimTestimonial", @"^\s*Id FirstName\s+LastName\s+Text\s*$")]
    [InlineData("Get-BizstimOnDemandLink -StudentId 9054554671B", @"^StudentId\s+PrimaryAgentId SecondaryAgentId Link\s*$")]
    [InlineData("Connect-Bizstim -Sandbox -PassThru", @"^Service\s+BaseUri\s+Plan\s+IsSandbox ApiKey\s*$")]
    [InlineData("Send-BizstimInquiry -FirstName Ada -LastName Lovelace -City London -State London -Country UK -Email ada@example.com -Message Hello -Confirm:$false", @"^Code EmailSent ClientOutcome\s+Email\s+Response\s*$")]
    public void The_default_view_is_a_table_that_fits_120_columns(string script, string header)
    {
        string[] lines = Render(script);

        Assert.Matches(header, lines[0]);
        Assert.Matches(@"^[- ]+$", lines[1]);
        Assert.True(lines.Length > 2, string.Join("\n", lines));
        Assert.All(lines, l => Assert.True(l.Length <= FormatViewTests.ConsoleWidth, $"{l.Length} columns: {l}"));
    }

    private string[] Render(string script)
    {
        _host.Clear();
        Run(script + " | Out-Default");
        // The engine colours headers (and our failed statuses) with $PSStyle; a console shows the text.
        string text = System.Text.RegularExpressions.Regex.Replace(_host.Text, @"\x1b\[[0-9;]*m", string.Empty);
        return text.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith("What if:", StringComparison.Ordinal)).ToArray();
    }

    private void Run(string script, params object[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (object arg in args)
        {
            ps.AddArgument(arg);
        }

        ps.Invoke();
        var errors = ps.Streams.Error.Where(e => !e.FullyQualifiedErrorId.StartsWith("BizstimClientRowInvalid", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())) + _host.Text);
    }

    public void Dispose() => _runspace.Dispose();
}
