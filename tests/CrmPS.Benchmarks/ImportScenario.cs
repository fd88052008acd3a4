using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http.Headers;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 1: CSV-shaped rows piped into Import-BizstimClient on an Enterprise connection, against
/// (L) raw HttpClient posting the same pre-built batches and (N) the naive one-POST-per-row script.
/// </summary>
internal static class ImportScenario
{
    private const string Pipeline = "$rows | Import-BizstimClient | Receive-BenchOutput";

    private const string NaiveScript = @"
$headers = @{ 'x-api-key' = $key }
$labels = 'first name', 'last name', 'address 1', 'address 2', 'city', 'state', 'zipcode', 'country', 'primary phone', 'secondary phone', 'mobile phone', 'e-mail', 'DOB', 'status', 'start date', 'notes'
$rows | ForEach-Object {
    $values = @($_.'first name', $_.'last name', $_.'address 1', $_.'address 2', $_.city, $_.state, $_.zipcode, $_.country,
                $_.'primary phone', $_.'secondary phone', $_.'mobile phone', $_.'e-mail', $_.DOB, $_.status, $_.'start date', $_.notes)
    $body = @{ header = $labels; data = @(, $values) } | ConvertTo-Json -Depth 3 -Compress
    Invoke-RestMethod -Method Post -Uri $endpoint -Headers $headers -ContentType 'application/json' -Body $body
} | Receive-BenchOutput";

    public static List<ScenarioResult> Run(SandboxProcess server, bool quick)
    {
        int rowCount = quick ? 10_000 : 100_000;
        int naiveCount = quick ? 500 : 2_000;
        int rounds = quick ? 1 : 3;
        PSObject[] rows = CsvShapedRows.Build(rowCount);
        byte[][] bodies = PrebuiltBatches(rowCount);
        var endpoint = new Uri(server.BaseUri, "api/clients");
        TestBindOnlyCommand.CheckSameAs();

        using var engine = new Engine();
        engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Enterprise", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri));
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate });

        // Warm up every path (JIT, connections) before anything is timed.
        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false);
        ImportThroughEngine(engine, rows.Take(3000).ToArray());
        PostAll(http, endpoint, bodies.Take(3));
        engine.Run("$rows | Test-BindOnly", ("rows", rows.Take(3000).ToArray()));
        engine.Run(NaiveScript, ("rows", rows.Take(50).ToArray()), ("key", SandboxProcess.ApiKey), ("endpoint", endpoint));

        var limit = new List<double>();
        var crmps = new List<double>();
        var binding = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false);
            limit.Add(PostAll(http, endpoint, bodies).TotalSeconds);
            Expect(server.Stats().Posts == bodies.Length, "L: every batch reached the server");

            server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false);
            crmps.Add(ImportThroughEngine(engine, rows).TotalSeconds);
            ServerStats stats = server.Stats();
            Expect(stats.Posts == bodies.Length && stats.Refused == 0, $"CrmPS: {bodies.Length} operations, none refused (saw {stats.Posts}, {stats.Refused} refused)");

            binding.Add(engine.Time("$rows | Test-BindOnly", ("rows", rows)).TotalSeconds);
        }

        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false);
        ReceiveBenchOutputCommand.Reset();
        TimeSpan naive = engine.Time(NaiveScript, ("rows", rows.Take(naiveCount).ToArray()), ("key", SandboxProcess.ApiKey), ("endpoint", endpoint));
        Expect(ReceiveBenchOutputCommand.Count == naiveCount && server.Stats().Posts == naiveCount, "N: one POST per row");

        ModuleCost.Result cost = ModuleCost.Measure(rowCount, quick ? 3 : 7);

        double crmpsSeconds = Stats.Median(crmps);
        double limitSeconds = Stats.Median(limit);
        double bindSeconds = Stats.Median(binding);
        double crmpsRate = rowCount / crmpsSeconds;
        double limitRate = rowCount / limitSeconds;
        double naiveRate = naiveCount / naive.TotalSeconds;
        double vsLimit = crmpsSeconds / limitSeconds;
        double vsNaive = crmpsRate / naiveRate;
        double bindUs = bindSeconds / rowCount * 1e6;

        var throughput = new ScenarioResult
        {
            Id = "1",
            Name = $"Import {rowCount:N0} rows, end to end, vs L (raw HttpClient, same {bodies.Length} batches)",
            CrmPS = $"{crmpsSeconds:0.00} s ({crmpsRate:N0} rows/s)",
            Baseline = $"L: {limitSeconds:0.00} s ({limitRate:N0} rows/s)",
            Ratio = $"{vsLimit:0.00}x L's time",
            Goal = "<= 1.5x",
            Met = vsLimit <= 1.5,
            Metrics =
            {
                ["rows"] = rowCount,
                ["batches"] = bodies.Length,
                ["crmpsSeconds"] = crmpsSeconds,
                ["limitSeconds"] = limitSeconds,
                ["bindOnlySeconds"] = bindSeconds,
                ["bindOnlyUsPerRow"] = bindUs,
                ["crmpsUsPerRow"] = crmpsSeconds / rowCount * 1e6,
                ["limitUsPerRow"] = limitSeconds / rowCount * 1e6,
            },
        };
        var versusNaive = new ScenarioResult
        {
            Id = "1",
            Name = $"Import rows per second vs N (ForEach-Object + Invoke-RestMethod, one POST per row, {naiveCount:N0} rows)",
            CrmPS = $"{crmpsRate:N0} rows/s",
            Baseline = $"N: {naiveRate:N0} rows/s",
            Ratio = $"{vsNaive:N0}x faster",
            Goal = ">= 100x",
            Met = vsNaive >= 100,
            Metrics = { ["naiveRows"] = naiveCount, ["naiveSeconds"] = naive.TotalSeconds, ["naiveRowsPerSecond"] = naiveRate, ["crmpsRowsPerSecond"] = crmpsRate },
        };
        var ownCost = new ScenarioResult
        {
            Id = "1",
            Name = "The module's own cost per row, binding aside (plain classes, pre-bound values, in-memory HTTP)",
            CrmPS = $"{cost.MicrosecondsPerRow:0.00} us/row ({cost.BytesPerRow:N0} B allocated)",
            Baseline = $"engine's binding alone: {bindUs:0.00} us/row",
            Ratio = $"{cost.MicrosecondsPerRow / bindUs:0.00}x binding",
            Goal = "< 5 us",
            Met = cost.MicrosecondsPerRow < 5,
            Metrics = new Dictionary<string, double>(cost.Stages.Select(s => new KeyValuePair<string, double>("stageUs." + s.Key, s.Value)))
            {
                ["moduleUsPerRow"] = cost.MicrosecondsPerRow,
                ["moduleBytesPerRow"] = cost.BytesPerRow,
                ["bindOnlyUsPerRow"] = bindUs,
            },
        };
        return new List<ScenarioResult> { throughput, versusNaive, ownCost };
    }

    private static TimeSpan ImportThroughEngine(Engine engine, PSObject[] rows)
    {
        ReceiveBenchOutputCommand.Reset();
        TimeSpan elapsed = engine.Time(Pipeline, ("rows", rows));
        Expect(ReceiveBenchOutputCommand.Count == rows.Length && ReceiveBenchOutputCommand.NotImported == 0, $"every row imported ({ReceiveBenchOutputCommand.Count} results, {ReceiveBenchOutputCommand.NotImported} not imported)");
        return elapsed;
    }

    /// <summary>The request bodies CrmPS sends for these rows, built once, outside any timing.</summary>
    private static byte[][] PrebuiltBatches(int rowCount)
    {
        var builder = new ClientRowBuilder(null, null);
        var batches = new List<byte[]>();
        var batch = new List<ClientRow>(1000);
        for (int i = 1; i <= rowCount; i++)
        {
            ClientRow row = builder.Build(i, CsvShapedRows.Values(i), null, out _);
            batch.Add(row);
            if (batch.Count == 1000 || i == rowCount)
            {
                batches.Add(new ClientBatch(batch.ToList()).ToJson());
                batch.Clear();
            }
        }

        return batches.ToArray();
    }

    /// <summary>The limit: one HttpClient posting the bodies back to back, as fast as the server answers.</summary>
    private static TimeSpan PostAll(HttpClient http, Uri endpoint, IEnumerable<byte[]> bodies)
    {
        var watch = Stopwatch.StartNew();
        foreach (byte[] body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
            request.Headers.TryAddWithoutValidation("x-api-key", SandboxProcess.ApiKey);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using HttpResponseMessage response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            Expect(response.IsSuccessStatusCode && text.Contains("success", StringComparison.Ordinal), "L: batch accepted: " + text);
        }

        return watch.Elapsed;
    }

    internal static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark check failed: " + what);
        }
    }
}
