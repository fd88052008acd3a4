using System.Diagnostics;
using System.Management.Automation;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 6: Import-BizstimClient -SkipExisting against an account that already holds many
/// clients, with the server adding latency to every request. The same number of new rows is
/// imported with and without -SkipExisting; the difference is the cost of the pre-read, compared
/// with one plain parallel export (Get-BizstimClient) of the same account. Also the memory the
/// index of existing clients keeps, measured in-process for a million clients.
/// </summary>
internal static class SkipExistingScenario
{
    private const int LatencyMs = 20;
    private const int NewRows = 1000;
    private const string PreReadOnly = "@() | Import-BizstimClient -Connection $c -SkipExisting";

    public static List<ScenarioResult> Run(SandboxProcess server, bool quick)
    {
        int clients = quick ? 20_000 : 100_000;
        int rounds = quick ? 1 : 5;
        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false, seedClients: clients, latencyMs: LatencyMs);

        using var engine = new Engine();
        object connection = engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0];
        // Warm-up: one whole export and one whole pre-read, so the first timed round pays no JIT or server warm-up.
        engine.Run("Get-BizstimClient -Connection $c | Receive-BenchOutput", ("c", connection));
        engine.Run(PreReadOnly, ("c", connection));

        var exports = new List<double>();
        var preReads = new List<double>();
        var plain = new List<double>();
        var skipping = new List<double>();
        long batch = 1_000_000;
        for (int round = 0; round < rounds; round++)
        {
            ReceiveBenchOutputCommand.Reset();
            exports.Add(engine.Time("Get-BizstimClient -Connection $c | Receive-BenchOutput", ("c", connection)).TotalSeconds);
            ImportScenario.Expect(ReceiveBenchOutputCommand.Count >= clients, "the export wrote every client");
            preReads.Add(engine.Time(PreReadOnly, ("c", connection)).TotalSeconds);
            plain.Add(Import(engine, connection, NewRowsFrom(batch += NewRows), string.Empty));
            skipping.Add(Import(engine, connection, NewRowsFrom(batch += NewRows), " -SkipExisting"));
        }

        // All rows already there: nothing may be sent.
        server.ClearRequests();
        ReceiveBenchOutputCommand.Reset();
        engine.Run("$rows | Import-BizstimClient -Connection $c -SkipExisting | Receive-BenchOutput", ("rows", NewRowsFrom(batch)), ("c", connection));
        ServerStats stats = server.Stats();
        ImportScenario.Expect(stats.Posts == 0 && ReceiveBenchOutputCommand.NotImported == NewRows, $"a re-run sent nothing ({stats.Posts} posts, {ReceiveBenchOutputCommand.NotImported} rows Exists)");

        double export = Stats.Median(exports);
        double preRead = Stats.Median(preReads);
        double overhead = Stats.Median(skipping) - Stats.Median(plain);
        double ratio = preRead / export;
        int indexed = quick ? 200_000 : 1_000_000;
        double megabytes = IndexMegabytes(indexed);
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "6",
                Name = $"Import-BizstimClient -SkipExisting: pre-read of {clients:N0} existing clients ({LatencyMs} ms added per request), vs one parallel export",
                CrmPS = $"{preRead:0.00} s",
                Baseline = $"Get-BizstimClient: {export:0.00} s",
                Ratio = $"{ratio:0.00}x one export",
                Goal = "<= 1.00x",
                Met = ratio <= 1.0,
                Metrics =
                {
                    ["existingClients"] = clients,
                    ["newRows"] = NewRows,
                    ["exportSeconds"] = export,
                    ["importSeconds"] = Stats.Median(plain),
                    ["importSkipExistingSeconds"] = Stats.Median(skipping),
                    ["preReadSeconds"] = preRead,
                    ["importOverheadSeconds"] = overhead,
                    ["rerunPosts"] = stats.Posts,
                },
                Notes =
                {
                    $"Pre-read = Import-BizstimClient -SkipExisting with no input rows: the read of the account and the index, nothing else. Median of {rounds} rounds, alternating with the export.",
                    $"End to end, {NewRows:N0} new rows: {Stats.Median(skipping):0.00} s with -SkipExisting, {Stats.Median(plain):0.00} s without (+{overhead:0.00} s). Each round adds 2,000 clients to the account; a final re-run of rows already there sends no POST.",
                },
            },
            new()
            {
                Id = "6",
                Name = $"Memory kept by the index of {indexed:N0} existing clients (an e-mail and a name each)",
                CrmPS = $"{megabytes:0.0} MB",
                Baseline = "goal for 1,000,000 clients: well under 100 MB",
                Ratio = $"{megabytes * 1_000_000 / indexed / 100:0.00}x 100 MB per million",
                Goal = "<= 0.50x",
                Met = megabytes * 1_000_000 / indexed <= 50,
                Metrics = { ["indexedClients"] = indexed, ["indexMegabytes"] = megabytes },
            },
        };
    }

    private static PSObject[] NewRowsFrom(long first) =>
        Enumerable.Range(0, NewRows).Select(i => CsvShapedRows.Row(first + i)).ToArray();

    private static double Import(Engine engine, object connection, PSObject[] rows, string switches)
    {
        ReceiveBenchOutputCommand.Reset();
        TimeSpan elapsed = engine.Time("$rows | Import-BizstimClient -Connection $c" + switches + " | Receive-BenchOutput", ("rows", rows), ("c", connection));
        ImportScenario.Expect(ReceiveBenchOutputCommand.Count == rows.Length && ReceiveBenchOutputCommand.NotImported == 0, $"every new row imported{switches} ({ReceiveBenchOutputCommand.NotImported} not)");
        return elapsed.TotalSeconds;
    }

    /// <summary>Managed memory held by an index of <paramref name="count"/> clients, built as the pre-read builds it.</summary>
    private static double IndexMegabytes(int count)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new ExistingClientIndex(ClientMatchKey.EmailOrName);
        for (int i = 0; i < count; i++)
        {
            index.AddExisting(new Client { Id = i + 1, FirstName = "First" + i, LastName = "Last" + i, Email = $"client{i}@example.com" });
        }

        index.Seal();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        return (after - before) / (1024.0 * 1024.0);
    }
}
