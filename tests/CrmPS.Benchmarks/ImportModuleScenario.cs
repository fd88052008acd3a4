using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 5: Import-Module of the built module, in a fresh process (this program started with
/// --probe-import, the runspace opened before the clock starts) and in a fresh runspace of a warm
/// process; the baseline is an empty manifest module imported the same way.
/// </summary>
internal static class ImportModuleScenario
{
    public static List<ScenarioResult> Run(bool quick)
    {
        int coldSamples = quick ? 2 : 5;
        int warmSamples = quick ? 5 : 20;
        string empty = EmptyModule();

        var coldCrmps = new List<double>();
        var coldEmpty = new List<double>();
        var coldNoFormat = new List<double>();
        string noFormat = WithoutFormatData();
        List<string> loaded = null;
        for (int i = 0; i < coldSamples; i++)
        {
            Probe probe = RunProbe(ModuleAssemblyResolver.ManifestPath);
            coldCrmps.Add(probe.Milliseconds);
            loaded = probe.Loaded;
            coldEmpty.Add(RunProbe(empty).Milliseconds);
            coldNoFormat.Add(RunProbe(noFormat).Milliseconds);
        }

        // Warm process: the assembly is loaded and jitted; each import is into a new runspace.
        TimeImport(ModuleAssemblyResolver.ManifestPath);
        TimeImport(empty);
        var warmCrmps = new List<double>();
        var warmEmpty = new List<double>();
        for (int i = 0; i < warmSamples; i++)
        {
            warmCrmps.Add(TimeImport(ModuleAssemblyResolver.ManifestPath));
            warmEmpty.Add(TimeImport(empty));
        }

        double cold = Stats.Median(coldCrmps);
        double coldBase = Stats.Median(coldEmpty);
        double warm = Stats.Median(warmCrmps);
        double warmBase = Stats.Median(warmEmpty);
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "5",
                Name = "Import-Module CrmPS in a fresh process (runspace already open)",
                CrmPS = $"{cold:0} ms",
                Baseline = $"empty manifest module: {coldBase:0} ms",
                Ratio = $"{cold / coldBase:0.0}x",
                Goal = "< 200 ms",
                Met = cold < 200,
                Metrics = { ["coldMs"] = cold, ["coldEmptyMs"] = coldBase, ["coldWithoutFormatDataMs"] = Stats.Median(coldNoFormat), ["samples"] = coldSamples },
                Notes = { "Assemblies the import loads from the module folder: " + string.Join(", ", loaded) + ". The Dependencies folder (System.Text.Json, TimeZoneConverter, CsvHelper) loads on first use, not at import." },
            },
            new()
            {
                Id = "5",
                Name = "Import-Module CrmPS in a fresh runspace of a warm process",
                CrmPS = $"{warm:0.0} ms",
                Baseline = $"empty manifest module: {warmBase:0.0} ms",
                Ratio = $"{warm / warmBase:0.0}x",
                Goal = "< 200 ms",
                Met = warm < 200,
                Metrics = { ["warmMs"] = warm, ["warmEmptyMs"] = warmBase, ["samples"] = warmSamples },
            },
        };
    }

    /// <summary>The child's side: open a runspace, then time Import-Module alone; report which module dependencies it loaded.</summary>
    public static int ProbeMain(string manifest)
    {
        double ms = TimeImport(manifest);
        string moduleDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.StartsWith(moduleDirectory, StringComparison.Ordinal))
            .Select(a => a.GetName().Name)
            .OrderBy(n => n, StringComparer.Ordinal).ToList();
        Console.Out.WriteLine(JsonSerializer.Serialize(new Probe(ms, loaded)));
        return 0;
    }

    private static double TimeImport(string manifest)
    {
        using Runspace runspace = RunspaceFactory.CreateRunspace(Engine.NewSessionState());
        runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        runspace.Open();
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop");
        var watch = Stopwatch.StartNew();
        ps.Invoke();
        watch.Stop();
        ImportScenario.Expect(!ps.HadErrors, "Import-Module " + manifest);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static Probe RunProbe(string manifest)
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ImportModuleScenario).Assembly.Location);
        }

        start.ArgumentList.Add("--probe-import");
        start.ArgumentList.Add(manifest);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        ImportScenario.Expect(process.ExitCode == 0, "the import probe ran: " + output);
        return JsonSerializer.Deserialize<Probe>(output.Trim().Split('\n').Last());
    }

    /// <summary>A copy of the built module whose manifest loads no format data, to see what the views cost.</summary>
    private static string WithoutFormatData()
    {
        string folder = Path.Combine(Path.GetTempPath(), "crmps-bench-noformat", "CrmPS");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (string file in Directory.GetFiles(ModuleAssemblyResolver.ModuleDirectory, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, Path.GetRelativePath(ModuleAssemblyResolver.ModuleDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string manifest = Path.Combine(folder, "CrmPS.psd1");
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Where(l => !l.TrimStart().StartsWith("FormatsToProcess", StringComparison.Ordinal)));
        return manifest;
    }

    private static string EmptyModule()
    {
        string folder = Path.Combine(Path.GetTempPath(), "crmps-bench-empty", "Empty");
        Directory.CreateDirectory(folder);
        string manifest = Path.Combine(folder, "Empty.psd1");
        File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0'; GUID = '3c5b0e55-7a51-4a0e-9d7e-2f1f3f9c0a11'; FunctionsToExport = @(); CmdletsToExport = @() }\n");
        return manifest;
    }

    private sealed record Probe(double Milliseconds, List<string> Loaded);
}
