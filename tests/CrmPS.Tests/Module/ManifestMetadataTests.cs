#nullable enable

using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>What the PowerShell Gallery and Test-ModuleManifest read from the built manifest, and the CHANGELOG that goes with it.</summary>
public sealed class ManifestMetadataTests : IDisposable
{
    private readonly PsHost _ps = new();

    [Fact]
    public void Test_ModuleManifest_passes_on_the_built_manifest()
    {
        var run = _ps.Run("Test-ModuleManifest -Path $path", ("path", ModuleAssemblyResolver.ManifestPath));

        Assert.Empty(run.Errors);
        var module = Assert.IsType<PSModuleInfo>(Assert.Single(run.Output).BaseObject);
        Assert.Equal("CrmPS", module.Name);
        Assert.Equal(Version(), module.Version.ToString(3));
        Assert.Equal(ModuleCatalog.ExportedCmdlets(), module.ExportedCmdlets.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_manifest_has_the_metadata_the_Gallery_shows()
    {
        Hashtable manifest = ModuleCatalog.Manifest();
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;

        Assert.True(Guid.TryParse((string?)manifest["GUID"], out Guid guid) && guid != Guid.Empty);
        foreach (string key in new[] { "Author", "CompanyName", "Copyright", "Description" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)manifest[key]), key);
        }

        Assert.True(((string)manifest["Description"]!).Length >= 40);
        foreach (string key in new[] { "ProjectUri", "LicenseUri" })
        {
            Assert.True(Uri.TryCreate((string?)psData[key], UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps, key);
        }

        Assert.False(string.IsNullOrWhiteSpace((string?)psData["ReleaseNotes"]));
        var tags = ((object[])psData["Tags"]!).Cast<string>().ToList();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.Matches(@"^[A-Za-z0-9_.\-]+$", t));
    }

    [Fact]
    public void The_newest_CHANGELOG_version_is_the_module_version()
    {
        string changelog = File.ReadAllText(Path.Combine(ModuleAssemblyResolver.RepoRoot, "CHANGELOG.md"));

        Match newest = Regex.Match(changelog, @"^## \[?(\d+\.\d+\.\d+)\]?", RegexOptions.Multiline);

        Assert.True(newest.Success, "CHANGELOG.md has no '## <version>' heading");
        Assert.Equal(Version(), newest.Groups[1].Value);
        Assert.Equal(Version(), (string)ModuleCatalog.Manifest()["ModuleVersion"]!);
    }

    [Fact]
    public void The_module_imports_in_a_fresh_session_with_no_error_warning_or_verbose_complaint()
    {
        using var fresh = new PsHost();
        var run = fresh.Run("Remove-Module CrmPS; Import-Module -Name $path -Verbose -PassThru 4>&1 | Out-Null", ("path", ModuleAssemblyResolver.ManifestPath));

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.Empty(fresh.ImportRun.Warnings);
    }

    private static string Version() => typeof(global::CrmPS.Core.CrmCmdlet).Assembly.GetName().Version!.ToString(3);

    public void Dispose() => _ps.Dispose();
}
