using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CrmPS.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/CrmPS.Benchmarks [-- options]
///   --quick          smaller counts, one round: about a minute (CI runs it so the benchmark cannot rot)
///   --update-docs    also write docs/performance.json and regenerate docs/performance.md from it
///   --json PATH      where to write the figures (default out/benchmarks/results[-quick].json)
///   --report PATH    only regenerate docs/performance.md from an existing JSON file
///   --only 1,3       run only these scenarios
///   --verbose        print each step the pwsh scripts take, with the time
///   --module-cost    only the in-process stage breakdown of the module's own work per row (seconds; for A/B)
/// It reports; it never fails on slow figures. It fails (exit 1) when a scenario cannot run or a
/// check of what the server received fails.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        if (args.Length > 0 && args[0] == "--serve-sandbox")
        {
            return SandboxProcess.ServeAsync().GetAwaiter().GetResult();
        }

        if (args.Length > 1 && args[0] == "--probe-import")
        {
            return ImportModuleScenario.ProbeMain(args[1]);
        }

        if (args.Contains("--module-cost"))
        {
            ModuleCost.Result cost = ModuleCost.Measure(100_000, 5);
            Console.WriteLine($"module {cost.MicrosecondsPerRow:0.00} us/row, {cost.BytesPerRow:N0} B/row; " + string.Join(", ", cost.Stages.Select(s => $"{s.Key} {s.Value:0.00}")));
            return 0;
        }

        bool quick = args.Contains("--quick");
        bool updateDocs = args.Contains("--update-docs");
        PwshProcess.Verbose = args.Contains("--verbose");
        string json = Option(args, "--json");
        string reportOnly = Option(args, "--report");
        var only = (Option(args, "--only") ?? "1,2,3,4,5,6").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        string docs = Path.Combine(ModuleAssemblyResolver.RepoRoot, "docs");

        if (reportOnly != null)
        {
            var saved = JsonSerializer.Deserialize<BenchmarkReport>(File.ReadAllText(reportOnly));
            File.WriteAllText(Path.Combine(docs, "performance.md"), Report.Markdown(saved));
            Console.WriteLine("Wrote docs/performance.md from " + reportOnly);
            return 0;
        }

        var report = new BenchmarkReport
        {
            Generated = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Quick = quick,
            Configuration = ModuleAssemblyResolver.Configuration,
            Command = "dotnet run -c Release --project tests/CrmPS.Benchmarks" + (quick ? " -- --quick" : " -- --update-docs"),
            Machine = Machine(),
        };
        Console.WriteLine($"CrmPS benchmark ({(quick ? "quick" : "full")}, {report.Configuration} build, module from {ModuleAssemblyResolver.ModuleDirectory})");
        if (report.Configuration != "Release")
        {
            Console.WriteLine("Note: not a Release build; figures are indicative only.");
        }

        var total = Stopwatch.StartNew();
        try
        {
            Step(only, "5", "Import-Module", () => report.Scenarios.AddRange(ImportModuleScenario.Run(quick)));
            string files = Path.Combine(Path.GetTempPath(), "crmps-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(files);
            try
            {
                using SandboxProcess server = SandboxProcess.Start();
                Step(only, "1", "import in pwsh", () => report.Scenarios.AddRange(ImportScenario.Run(server, quick, files)));
                Step(only, "3", "export", () => report.Scenarios.AddRange(ExportScenario.Run(server, quick)));
                Step(only, "6", "-SkipExisting pre-read", () => report.Scenarios.AddRange(SkipExistingScenario.Run(server, quick)));
                Step(only, "4", "Trial pacing", () => report.Scenarios.Add(PacingScenario.Run()));
                Step(only, "2", "memory and Enterprise pacing in pwsh", () => report.Scenarios.AddRange(MemoryScenario.Run(server, quick, files)));
            }
            finally
            {
                Directory.Delete(files, recursive: true);
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("The benchmark failed: " + ex);
            return 1;
        }

        report.TotalSeconds = total.Elapsed.TotalSeconds;
        report.Scenarios = report.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        Console.WriteLine();
        Console.WriteLine(Report.Table(report));
        Console.WriteLine($"Total: {report.TotalSeconds:0.0} s");

        string jsonText = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        json ??= updateDocs
            ? Path.Combine(docs, "performance.json")
            : Path.Combine(ModuleAssemblyResolver.RepoRoot, "out", "benchmarks", quick ? "results-quick.json" : "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        File.WriteAllText(json, jsonText + "\n");
        Console.WriteLine("Figures: " + json);
        if (updateDocs)
        {
            File.WriteAllText(Path.Combine(docs, "performance.md"), Report.Markdown(report));
            Console.WriteLine("Report: docs/performance.md");
        }

        return 0;
    }

    private static void Step(HashSet<string> only, string id, string what, Action run)
    {
        if (!only.Contains(id))
        {
            return;
        }

        Console.Write($"  scenario {id}: {what} ... ");
        var watch = Stopwatch.StartNew();
        run();
        Console.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static Dictionary<string, string> Machine()
    {
        string cpu = "unknown";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        double memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        return new Dictionary<string, string>
        {
            ["os"] = RuntimeInformation.OSDescription,
            ["cpu"] = cpu,
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = $"{memoryGb:0} GB",
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["shell"] = "pwsh 7.6.9 (dotnet pwsh, the repository's tool manifest) for scenarios 1 and 2; System.Management.Automation " + typeof(System.Management.Automation.PowerShell).Assembly.GetName().Version + " hosted in the benchmark for 3, 4 (Trial) and 5",
            ["gc (benchmark process)"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation, concurrent",
            ["load average at start (1, 5, 15 min)"] = File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a",
        };
    }
}
