using NuGet.Packaging;
using NuGet.Versioning;

namespace CrmPS.Packager;

/// <summary>
/// Packs a module folder (the folder holding &lt;Name&gt;.psd1) as the PowerShell Gallery lays a
/// module out: every file of the folder at the package root, next to the nuspec, whose metadata
/// comes from the manifest. The tags are the manifest's, plus the ones the Gallery searches by:
/// PSModule, PSCmdlet_&lt;name&gt; and PSCommand_&lt;name&gt; per exported cmdlet, PSIncludes_Cmdlet,
/// and the same for functions when there are any.
/// </summary>
public static class ModulePackager
{
    public static string Pack(string moduleDirectory, string outputDirectory)
    {
        moduleDirectory = Path.GetFullPath(moduleDirectory);
        string[] manifests = Directory.GetFiles(moduleDirectory, "*.psd1");
        string manifestPath = manifests.Length == 1
            ? manifests[0]
            : throw new InvalidDataException($"{moduleDirectory}: expected one module manifest (*.psd1), found {manifests.Length}.");
        ModuleManifest manifest = ModuleManifest.Read(manifestPath);

        var builder = new PackageBuilder(deterministic: true)
        {
            Id = manifest.Name,
            Version = NuGetVersion.Parse(manifest.Prerelease is { Length: > 0 } pre ? $"{manifest.Version}-{pre}" : manifest.Version),
            Description = Required(manifest, manifest.Text("Description"), "Description"),
            Copyright = manifest.Text("Copyright"),
            ReleaseNotes = manifest.PSDataText("ReleaseNotes"),
            RequireLicenseAcceptance = string.Equals(manifest.PSDataText("RequireLicenseAcceptance"), "True", StringComparison.OrdinalIgnoreCase),
        };
        builder.Authors.Add(Required(manifest, manifest.Text("Author"), "Author"));
        builder.Owners.Add(manifest.Text("CompanyName") ?? manifest.Text("Author")!);
        builder.ProjectUrl = Uri(manifest.PSDataText("ProjectUri"));
        builder.LicenseUrl = Uri(manifest.PSDataText("LicenseUri"));
        builder.IconUrl = Uri(manifest.PSDataText("IconUri"));
        builder.Tags.AddRange(Tags(manifest));

        foreach (string file in Directory.EnumerateFiles(moduleDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(moduleDirectory, file).Replace('\\', '/');
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = relative });
        }

        Directory.CreateDirectory(outputDirectory);
        string target = Path.Combine(Path.GetFullPath(outputDirectory), $"{builder.Id}.{builder.Version.ToNormalizedString()}.nupkg");
        using (FileStream stream = File.Create(target))
        {
            builder.Save(stream);
        }

        return target;
    }

    /// <summary>The nuspec tags, in the order PowerShellGet writes them, without duplicates.</summary>
    public static IReadOnlyList<string> Tags(ModuleManifest manifest)
    {
        var tags = new List<string> { "PSModule" };
        tags.AddRange(manifest.PSDataList("Tags"));
        tags.AddRange(manifest.List("CompatiblePSEditions").Select(e => "PSEdition_" + e));
        IReadOnlyList<string> cmdlets = manifest.List("CmdletsToExport").Where(c => !c.Contains('*')).ToList();
        IReadOnlyList<string> functions = manifest.List("FunctionsToExport").Where(f => !f.Contains('*')).ToList();
        foreach (string cmdlet in cmdlets)
        {
            tags.Add("PSCmdlet_" + cmdlet);
            tags.Add("PSCommand_" + cmdlet);
        }

        foreach (string function in functions)
        {
            tags.Add("PSFunction_" + function);
            tags.Add("PSCommand_" + function);
        }

        if (cmdlets.Count > 0)
        {
            tags.Add("PSIncludes_Cmdlet");
        }

        if (functions.Count > 0)
        {
            tags.Add("PSIncludes_Function");
        }

        return tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Required(ModuleManifest manifest, string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{manifest.Path}: {key} is required by the PowerShell Gallery.") : value;

    private static Uri? Uri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
