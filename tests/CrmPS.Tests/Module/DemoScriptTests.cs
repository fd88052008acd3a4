using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// The main job, examples/demo.ps1, run in the real shell (a <c>dotnet pwsh</c> child process) exactly as
/// <c>build.ps1 -Task Demo</c> runs it; what it prints is what a user reads.
/// </summary>
public sealed class DemoScriptTests : IDisposable
{
    private readonly string _retryPath = Path.Combine(Path.GetTempPath(), $"crmps-retry-{Guid.NewGuid():N}.csv");

    [Fact]
    public void The_demo_imports_the_example_csv_into_the_sandbox_and_lists_it_back()
    {
        string demo = Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "demo.ps1");

        var run = PwshProcess.RunFile(demo, "-ModulePath", ModuleAssemblyResolver.ManifestPath, "-RetryPath", _retryPath);

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        Assert.Equal(string.Empty, run.StandardError);
        var lines = run.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Equal("Imported 52 of 56 rows; 4 need attention.", lines.Last());
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Imported\s+52$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Invalid\s+4$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*7 Invalid Harper\s+LastName \('last name'\) is required"));
        // The clients listed back: one line per stored client, each ending in its e-mail address.
        Assert.Equal(52, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*\d+ \S.*@example\.(com|org)$")));

        var retry = File.ReadAllLines(_retryPath);
        Assert.Equal(5, retry.Length);
        Assert.StartsWith("\"Row\",\"Status\"", retry[0]);
        Assert.Equal(new[] { "7", "19", "33", "48" }, retry.Skip(1).Select(l => l.Split(',')[0].Trim('"')));
    }

    public void Dispose() => File.Delete(_retryPath);
}
