using System.Text;

namespace CrmPS.Benchmarks;

/// <summary>The notes under the table: where the time goes, computed from the figures of the same run.</summary>
internal static class Analysis
{
    public static string Write(BenchmarkReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("## Where the time goes");
        md.AppendLine();
        Import(report, md);
        Export(report, md);
        ImportModule(report, md);
        var notes = report.Scenarios.Where(s => s.Notes.Count > 0).SelectMany(s => s.Notes.Select(n => $"- Scenario {s.Id}: {n}")).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine("### Other notes");
            md.AppendLine();
            notes.ForEach(n => md.AppendLine(n));
            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Import(BenchmarkReport report, StringBuilder md)
    {
        ScenarioResult e2e = Find(report, "1", "crmpsUsPerRow");
        ScenarioResult own = Find(report, "1", "moduleUsPerRow");
        ScenarioResult naive = Find(report, "1", "naiveRowsPerSecond");
        if (e2e == null || own == null || naive == null)
        {
            return;
        }

        double total = e2e.Metrics["crmpsUsPerRow"];
        double bind = e2e.Metrics["bindOnlyUsPerRow"];
        double module = own.Metrics["moduleUsPerRow"];
        double limit = e2e.Metrics["limitUsPerRow"];
        double rest = Math.Max(0, total - bind - module - limit);
        double naiveUs = 1e6 / naive.Metrics["naiveRowsPerSecond"];
        md.AppendLine("### Import (scenario 1)");
        md.AppendLine();
        md.AppendLine($"A stopwatch breakdown of CrmPS's {total:0.0} us per row, each part measured on its own in the same run:");
        md.AppendLine();
        md.AppendLine("| Part | us per row | Whose |");
        md.AppendLine("| --- | --- | --- |");
        md.AppendLine($"| PowerShell's parameter binder (`Test-BindOnly`: the same 17 pipeline parameters and aliases, an empty ProcessRecord) | {bind:0.0} | the engine's |");
        md.AppendLine($"| The module's own work, binding aside (below) | {module:0.0} | ours |");
        md.AppendLine($"| The batch round trips: HTTP and the server storing the rows (the limit L, per row) | {limit:0.0} | the server's, waited for by us |");
        md.AppendLine($"| The rest, where it does not overlap: writing one ImportResult per row down the pipeline, the sink, progress | {rest:0.0} | the engine's, mostly |");
        md.AppendLine();
        md.AppendLine($"The goal of 1.5x L cannot be met by CrmPS code alone: the engine's binder by itself costs {bind / limit:0.0}x what L spends per row, ");
        md.AppendLine("because on loopback a 1,000-row batch round trip is a few milliseconds. Binding every row by property name is what");
        md.AppendLine("makes `Import-Csv | Import-BizstimClient` work with the vendor's headers; it is PowerShell's per-object cost and the");
        md.AppendLine("same for any cmdlet with these parameters.");
        md.AppendLine();
        md.AppendLine($"The module's own cost is measured by `ModuleCost.cs`: the same plain classes ProcessRecord drives (ClientRowReader,");
        md.AppendLine("RowFingerprint, ClientRowBuilder, ClientImporter with ClientBatch.ToJson and the transport) fed values already bound,");
        md.AppendLine("sending through an in-memory HTTP handler to a server that answers \"imported\" without reading the body. Per step:");
        md.AppendLine(string.Join(", ", own.Metrics.Where(m => m.Key.StartsWith("stageUs.", StringComparison.Ordinal)).Select(m => $"{m.Key.Substring(8)} {m.Value:0.00} us")) + $"; {own.Metrics["moduleBytesPerRow"]:N0} bytes allocated per row.");
        md.AppendLine("Before this work the same harness measured about 5.5 us and 5.5 KB per row: 4 us of it was enumerating");
        md.AppendLine("`PSObject.Properties` on every row to find custom-field and tags columns (the engine merges instance, adapted and");
        md.AppendLine("type-table members into a new collection each time). Import-BizstimClient now reads a PSCustomObject's own note");
        md.AppendLine("properties (checked once per pipeline against `PSObject.Properties`, falling back to it when they differ), and");
        md.AppendLine("ClientRowBuilder skips parsing statuses and dates that are already in the form Bizstim expects.");
        md.AppendLine();
        md.AppendLine("The round trip overlaps the binding: the import starts sending a batch and goes on reading and binding the next");
        md.AppendLine("rows while the reply is on its way, settling it when the next batch is ready (Bizstim still receives one batch at");
        md.AppendLine($"a time). The rest is therefore what the total ({total:0.0} us) leaves over binder, module and round trip together");
        md.AppendLine($"({bind + module + limit:0.0} us), shown as 0 when the overlap hides it. What is left of the gap to L is the engine's binding and");
        md.AppendLine("pipeline, not ours.");
        md.AppendLine();
        md.AppendLine($"Against the naive script CrmPS is {naiveUs / total:0}x faster, short of 100x because on loopback the script's");
        md.AppendLine($"request per row (the real Invoke-RestMethod and ConvertTo-Json of Microsoft.PowerShell.SDK) costs only {naiveUs:0} us in all.");
        md.AppendLine("Over a real network each of its rows");
        md.AppendLine("pays a full round trip while CrmPS pays one per 1,000 rows: with a 50 ms round trip that projects to");
        md.AppendLine($"{(naiveUs + 50_000) / (total + 50.0):N0}x (projection from these figures, not a measurement).");
        md.AppendLine();
    }

    private static void Export(BenchmarkReport report, StringBuilder md)
    {
        ScenarioResult export = Find(report, "3", "parallelSeconds");
        if (export == null)
        {
            return;
        }

        double pages = export.Metrics["pages"];
        double n = export.Metrics["parallelism"];
        double seq = export.Metrics["sequentialSeconds"];
        double perPage = seq / pages;
        double floor = (1 + Math.Ceiling((pages - 1) / n)) * perPage;
        md.AppendLine("### Export (scenario 3)");
        md.AppendLine();
        md.AppendLine($"Sequential paging costs {perPage * 1000:0} ms per page ({export.Metrics["latencyMs"]:0} ms of it added by the server). The first page is fetched");
        md.AppendLine($"alone because it tells the total; then {n:0} pages are kept in flight and written in order. Latency alone would allow");
        md.AppendLine($"{floor:0.00} s ({floor / seq:0.00}x); measured {export.Metrics["parallelSeconds"]:0.00} s. The rest is CPU on a {report.Machine.GetValueOrDefault("cores")}-core machine shared by");
        md.AppendLine("the server (serializing pages), the client (parsing them into Client objects, off the pipeline thread) and the");
        md.AppendLine("pipeline thread writing 1,000 objects per page.");
        md.AppendLine();
    }

    private static void ImportModule(BenchmarkReport report, StringBuilder md)
    {
        ScenarioResult cold = Find(report, "5", "coldMs");
        if (cold == null)
        {
            return;
        }

        double total = cold.Metrics["coldMs"];
        double engine = cold.Metrics["coldEmptyMs"];
        double noFormat = cold.Metrics["coldWithoutFormatDataMs"];
        md.AppendLine("### Import-Module (scenario 5)");
        md.AppendLine();
        md.AppendLine($"In a fresh process, {engine:0} ms of the {total:0} ms is the engine's own first Import-Module (an empty manifest");
        md.AppendLine($"module costs that much); the format views add about {Math.Max(0, total - noFormat):0} ms (a copy of the module without");
        md.AppendLine($"FormatsToProcess: {noFormat:0} ms) and loading CrmPS.dll and its cmdlets the remaining {Math.Max(0, noFormat - engine):0} ms. Dependencies are");
        md.AppendLine("already loaded lazily: System.Text.Json and TimeZoneConverter are resolved on first use, not at import.");
        md.AppendLine($"CrmPS's own share is therefore about {Math.Max(0, total - engine):0} ms; the rest, and the run-to-run spread on this");
        md.AppendLine("shared 2-core machine (tens of milliseconds), is the engine's. The dll part includes the engine");
        md.AppendLine("jitting its binary-module import path, which an empty manifest module does not exercise. In a warm process a");
        md.AppendLine($"fresh runspace imports the module in {report.Scenarios.FirstOrDefault(x => x.Metrics.ContainsKey("warmMs"))?.Metrics["warmMs"] ?? double.NaN:0.0} ms.");
        md.AppendLine();
    }

    private static ScenarioResult Find(BenchmarkReport report, string id, string metric) =>
        report.Scenarios.FirstOrDefault(s => s.Id == id && s.Metrics.ContainsKey(metric));
}
