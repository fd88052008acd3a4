using System.Collections;
using System.Management.Automation;
using System.Reflection;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

public sealed class ModuleManifestTests : IDisposable
{
    private static readonly string[] ExpectedCmdlets = new[]
    {
        "Connect-Bizstim", "Get-BizstimClient", "Get-BizstimOnDemandLink", "Get-BizstimSession", "Get-BizstimTestimonial", "Import-BizstimClient", "Send-BizstimInquiry",
        "Connect-Cdb", "New-CdbCustomer", "New-CdbPipeline", "New-CdbNote", "New-CdbEvent", "New-CdbTask",
        "Connect-Botw", "Get-BotwContact", "New-BotwContact", "Set-BotwContact", "Remove-BotwContact",
    }.OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private readonly PsHost _ps = new();

    [Fact]
    public void The_module_imports_in_a_fresh_session_without_errors_or_warnings_and_exports_exactly_its_cmdlets()
    {
        Assert.Empty(_ps.ImportRun.Errors);
        Assert.Empty(_ps.ImportRun.Warnings);
        var run = _ps.Run("(Get-Command -Module CrmPS).Name");
        Assert.Equal(ExpectedCmdlets, run.Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void CmdletsToExport_equals_the_cmdlet_classes_in_the_dll()
    {
        var manifest = ReadManifest();
        var declared = ((object[])manifest["CmdletsToExport"]).Cast<string>().OrderBy(n => n, StringComparer.Ordinal);
        var inDll = typeof(CrmPS.Core.CrmCmdlet).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a != null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(inDll, declared);
    }

    [Fact]
    public void The_built_manifest_carries_the_version_and_gallery_metadata()
    {
        var manifest = ReadManifest();
        string version = typeof(CrmPS.Core.CrmCmdlet).Assembly.GetName().Version!.ToString(3);

        Assert.Equal(version, manifest["ModuleVersion"]);
        Assert.EndsWith(Path.Combine("out", "CrmPS", version), Path.GetDirectoryName(ModuleAssemblyResolver.ManifestPath));
        Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]).Cast<string>());
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.Equal("4.7.2", manifest["DotNetFrameworkVersion"]);
        Assert.Equal("CrmPS.format.ps1xml", ((object[])manifest["FormatsToProcess"]).Single());
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"])["PSData"];
        var tags = ((object[])psData["Tags"]).Cast<string>().ToList();
        Assert.Subset(tags.ToHashSet(), new HashSet<string> { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" });
        Assert.NotNull(psData["ProjectUri"]);
        Assert.NotNull(psData["LicenseUri"]);
        Assert.NotNull(psData["ReleaseNotes"]);
    }

    [Fact]
    public void The_module_folder_holds_what_Windows_PowerShell_needs_to_resolve_dependencies()
    {
        string folder = Path.GetDirectoryName(ModuleAssemblyResolver.ManifestPath)!;

        Assert.True(File.Exists(Path.Combine(folder, "CrmPS.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "CrmPS.format.ps1xml")));
        foreach (var dependency in new[] { "System.Text.Json", "System.Text.Encodings.Web", "System.Memory", "System.Buffers", "Microsoft.Bcl.AsyncInterfaces", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Numerics.Vectors", "TimeZoneConverter" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "Dependencies", dependency + ".dll")), dependency);
        }

        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
        Assert.False(File.Exists(Path.Combine(folder, "Dependencies", "System.Management.Automation.dll")));
    }

    /// <summary>The built manifest as PowerShell reads it (Import-PowerShellDataFile is not in the hosted engine; SafeGetValue is what it uses).</summary>
    private static Hashtable ReadManifest()
    {
        var parsed = System.Management.Automation.Language.Parser.ParseFile(ModuleAssemblyResolver.ManifestPath, out _, out var errors);
        Assert.Empty(errors);
        var hashtable = parsed.Find(a => a is System.Management.Automation.Language.HashtableAst, false)!;
        return (Hashtable)hashtable.SafeGetValue();
    }

    public void Dispose() => _ps.Dispose();
}
