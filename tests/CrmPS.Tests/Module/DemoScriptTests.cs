using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>The main job, examples/demo.ps1, run exactly as a pwsh user runs it, in the hosted engine.</summary>
public sealed class DemoScriptTests : IDisposable
{
    private readonly PsHost _ps = new();
    private readonly string _retryPath = Path.Combine(Path.GetTempPath(), $"crmps-retry-{Guid.NewGuid():N}.csv");

    [Fact]
    public void The_demo_imports_the_example_csv_into_the_sandbox_and_lists_it_back()
    {
        string demo = Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "demo.ps1");

        var run = _ps.Run("& $demo -ModulePath $manifest -RetryPath $retry", ("demo", demo), ("manifest", ModuleAssemblyResolver.ManifestPath), ("retry", _retryPath));

        Assert.Empty(run.Errors);
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Equal("Imported 52 of 56 rows; 4 need attention.", lines.Last());
        Assert.Contains("Name=Imported | Count=52", lines);
        Assert.Contains("Name=Invalid | Count=4", lines);
        Assert.Equal(52, lines.Count(l => l.StartsWith("Id=", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("Row=7 | Status=Invalid", StringComparison.Ordinal) && l.Contains("LastName ('last name') is required"));
        var retry = File.ReadAllLines(_retryPath);
        Assert.Equal(5, retry.Length);
        Assert.StartsWith("\"Row\",\"Status\"", retry[0]);
        Assert.Equal(new[] { "7", "19", "33", "48" }, retry.Skip(1).Select(l => l.Split(',')[0].Trim('"')));
    }

    public void Dispose()
    {
        _ps.Dispose();
        File.Delete(_retryPath);
    }
}
