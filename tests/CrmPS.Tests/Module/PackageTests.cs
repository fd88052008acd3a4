#nullable enable

using System.IO.Compression;
using System.Xml.Linq;
using CrmPS.Packager;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// The .nupkg that build/Package.proj and ./build.ps1 -Task Package produce (the same packager, run
/// here on the built module folder): the module files at the package root, exactly as in
/// out/CrmPS/&lt;version&gt;/, and a nuspec carrying the manifest's metadata and the Gallery's tags.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd";
    private readonly string _outDir = Directory.CreateTempSubdirectory("crmps-package-").FullName;
    private readonly string _package;

    public PackageTests()
    {
        _package = ModulePackager.Pack(ModuleAssemblyResolver.ModuleDirectory, _outDir);
    }

    [Fact]
    public void The_package_is_named_after_the_module_and_its_version()
    {
        Assert.Equal($"CrmPS.{Version()}.nupkg", Path.GetFileName(_package));
    }

    [Fact]
    public void The_module_files_sit_at_the_package_root_exactly_as_in_the_module_folder()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package);
        var packaging = new[] { "CrmPS.nuspec", "[Content_Types].xml", "_rels/.rels" };
        var moduleEntries = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !packaging.Contains(n) && !n.StartsWith("package/services/metadata/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var moduleFiles = Directory.EnumerateFiles(ModuleAssemblyResolver.ModuleDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ModuleAssemblyResolver.ModuleDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(moduleFiles, moduleEntries);
        Assert.Contains("CrmPS.psd1", moduleEntries);
        Assert.Contains("CrmPS.dll", moduleEntries);
        Assert.Contains("CrmPS.format.ps1xml", moduleEntries);
        Assert.Contains("en-US/CrmPS.dll-Help.xml", moduleEntries);
        Assert.Contains("en-US/about_CrmPS.help.txt", moduleEntries);
        Assert.Contains("Dependencies/System.Text.Json.dll", moduleEntries);
        Assert.DoesNotContain(moduleEntries, n => n.StartsWith("lib/", StringComparison.Ordinal) || n.StartsWith("content/", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal));

        byte[] packed = ReadEntry(zip, "CrmPS.psd1");
        Assert.Equal(File.ReadAllBytes(ModuleAssemblyResolver.ManifestPath), packed);
    }

    [Fact]
    public void The_nuspec_carries_the_manifest_metadata_and_the_Gallery_tags()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package);
        XElement metadata = XDocument.Load(new MemoryStream(ReadEntry(zip, "CrmPS.nuspec"))).Root!.Element(Nuspec + "metadata")!;
        var manifest = ModuleCatalog.Manifest();
        var psData = (System.Collections.Hashtable)((System.Collections.Hashtable)manifest["PrivateData"]!)["PSData"]!;

        Assert.Equal("CrmPS", Value(metadata, "id"));
        Assert.Equal(Version(), Value(metadata, "version"));
        Assert.Equal(manifest["Author"], Value(metadata, "authors"));
        Assert.Equal(manifest["CompanyName"], Value(metadata, "owners"));
        Assert.Equal(manifest["Description"], Value(metadata, "description"));
        Assert.Equal(manifest["Copyright"], Value(metadata, "copyright"));
        Assert.Equal(psData["ProjectUri"], Value(metadata, "projectUrl"));
        Assert.Equal(psData["LicenseUri"], Value(metadata, "licenseUrl"));
        Assert.Equal(psData["ReleaseNotes"], Value(metadata, "releaseNotes"));
        Assert.Equal("false", Value(metadata, "requireLicenseAcceptance"));

        var tags = Value(metadata, "tags").Split(' ');
        Assert.Equal("PSModule", tags[0]);
        Assert.Contains("PSIncludes_Cmdlet", tags);
        Assert.Subset(tags.ToHashSet(), ((object[])psData["Tags"]!).Cast<string>().ToHashSet());
        foreach (string cmdlet in ModuleCatalog.ExportedCmdlets())
        {
            Assert.Contains("PSCmdlet_" + cmdlet, tags);
            Assert.Contains("PSCommand_" + cmdlet, tags);
        }

        Assert.Equal(tags.Length, tags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void NuGet_reads_the_package_back_as_the_module()
    {
        using var reader = new NuGet.Packaging.PackageArchiveReader(_package);

        Assert.Equal("CrmPS", reader.GetIdentity().Id);
        Assert.Equal(Version(), reader.GetIdentity().Version.ToNormalizedString());
        Assert.Contains("CrmPS.psd1", reader.GetFiles());
    }

    private static string Version() => typeof(global::CrmPS.Core.CrmCmdlet).Assembly.GetName().Version!.ToString(3);

    private static string Value(XElement metadata, string name) => (string?)metadata.Element(Nuspec + name) ?? string.Empty;

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using Stream stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => Directory.Delete(_outDir, recursive: true);
}
