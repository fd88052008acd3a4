using System.Management.Automation.Language;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>Every PowerShell script in the repository must parse: Pester tests, build and examples cannot rot unseen.</summary>
public sealed class ScriptParseTests
{
    public static IEnumerable<object[]> Scripts() =>
        Directory.EnumerateFiles(ModuleAssemblyResolver.RepoRoot, "*.ps*1", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase))
            .Where(p => !IsBuildOutput(p))
            .Select(p => new object[] { Path.GetRelativePath(ModuleAssemblyResolver.RepoRoot, p) });

    [Fact]
    public void The_repository_has_the_scripts_we_expect_to_check()
    {
        var scripts = Scripts().Select(s => ((string)s[0]).Replace('\\', '/')).ToList();
        Assert.Contains("build.ps1", scripts);
        Assert.Contains("examples/demo.ps1", scripts);
        Assert.Contains("module/CrmPS.psd1", scripts);
        Assert.Contains(scripts, s => s.StartsWith("tests/Pester/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(ModuleAssemblyResolver.RepoRoot, relativePath), out _, out ParseError[] errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(ModuleAssemblyResolver.RepoRoot, path).Replace('\\', '/');
        return relative.StartsWith("out/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
            || relative.StartsWith(".git/", StringComparison.Ordinal);
    }
}
