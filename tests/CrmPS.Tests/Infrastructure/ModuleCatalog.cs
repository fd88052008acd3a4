#nullable enable

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CrmPS.HelpBuilder;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// What the built module declares (its manifest in out/) and what its help source says (docs/en-US),
/// read without loading CrmPS.dll, so test data built from it is safe at discovery time.
/// </summary>
internal static class ModuleCatalog
{
    public const string HelpFileName = "CrmPS.dll-Help.xml";

    public static string DocsDirectory => Path.Combine(ModuleAssemblyResolver.RepoRoot, "docs", "en-US");

    /// <summary>The built manifest as PowerShell reads it (SafeGetValue is what Import-PowerShellDataFile uses).</summary>
    public static Hashtable Manifest()
    {
        var parsed = Parser.ParseFile(ModuleAssemblyResolver.ManifestPath, out _, out var errors);
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{ModuleAssemblyResolver.ManifestPath}: {errors[0].Message}");
        }

        var hashtable = parsed.Find(a => a is HashtableAst, false)!;
        return (Hashtable)hashtable.SafeGetValue();
    }

    public static IReadOnlyList<string> ExportedCmdlets() =>
        ((object[])Manifest()["CmdletsToExport"]!).Cast<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>xunit member data: one row per exported cmdlet.</summary>
    public static IEnumerable<object[]> CmdletRows() => ExportedCmdlets().Select(n => new object[] { n });

    public static CommandHelp Page(string cmdlet) => CommandPageParser.ParseFile(Path.Combine(DocsDirectory, cmdlet + ".md"));

    /// <summary>The parameters PlatyPS documents: all but the common parameters (WhatIf, Confirm and the paging parameters stay).</summary>
    public static bool IsDocumented(string parameter) =>
        !Cmdlet.CommonParameters.Contains(parameter) && parameter != "UseTransaction";
}
