using System.Diagnostics;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 3: Get-BizstimClient over many clients with the server adding latency to every
/// request: parallel paging (the connection's default PageParallelism, 4) against sequential
/// paging (PageParallelism 1) in the same run, plus the time to the first object and the pages
/// that -Skip/-First fetch.
/// </summary>
internal static class ExportScenario
{
    private const int LatencyMs = 20;
    private const string Listing = "Get-BizstimClient -Connection $c | Receive-BenchOutput";

    public static List<ScenarioResult> Run(SandboxProcess server, bool quick)
    {
        int clients = quick ? 20_000 : 100_000;
        int rounds = quick ? 1 : 3;
        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false, seedClients: clients, latencyMs: LatencyMs);

        using var engine = new Engine();
        object parallel = engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0];
        object sequential = engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PageParallelism 1 -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0];
        int parallelism = ((BizstimConnection)((System.Management.Automation.PSObject)parallel).BaseObject).PageParallelism;

        // Warm-up, then alternate the two so drift in the machine hits both alike.
        engine.Run("Get-BizstimClient -Connection $c -First 5000 | Receive-BenchOutput", ("c", parallel));
        engine.Run("Get-BizstimClient -Connection $c -First 5000 | Receive-BenchOutput", ("c", sequential));
        var seqTimes = new List<double>();
        var parTimes = new List<double>();
        var seqFirst = new List<double>();
        var parFirst = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            (double total, double first) = List(engine, sequential, clients);
            seqTimes.Add(total);
            seqFirst.Add(first);
            (total, first) = List(engine, parallel, clients);
            parTimes.Add(total);
            parFirst.Add(first);
        }

        double onePage = OnePageMilliseconds(server, 5);

        // -Skip/-First: only the pages they need.
        server.ClearRequests();
        ReceiveBenchOutputCommand.Reset();
        engine.Run("Get-BizstimClient -Connection $c -Skip 10500 -First 2000 | Receive-BenchOutput", ("c", parallel));
        ServerStats stats = server.Stats();
        ImportScenario.Expect(ReceiveBenchOutputCommand.Count == 2000, "-Skip 10500 -First 2000 wrote 2000 clients");
        var expectedPages = new[] { "/api/clients/10500/1000", "/api/clients/11500/1000" };
        bool onlyNeeded = stats.GetPaths.OrderBy(p => p, StringComparer.Ordinal).SequenceEqual(expectedPages);

        double seq = Stats.Median(seqTimes);
        double par = Stats.Median(parTimes);
        double firstPar = Stats.Median(parFirst);
        double ratio = par / seq;
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "3",
                Name = $"Get-BizstimClient over {clients:N0} clients, {LatencyMs} ms added per request, PageParallelism {parallelism} vs 1",
                CrmPS = $"{par:0.00} s ({clients / par:N0} clients/s)",
                Baseline = $"sequential paging: {seq:0.00} s",
                Ratio = $"{ratio:0.00}x sequential's time",
                Goal = "<= 0.35x",
                Met = ratio <= 0.35,
                Metrics =
                {
                    ["clients"] = clients,
                    ["pages"] = Math.Ceiling(clients / 1000.0),
                    ["latencyMs"] = LatencyMs,
                    ["parallelism"] = parallelism,
                    ["parallelSeconds"] = par,
                    ["sequentialSeconds"] = seq,
                    ["sequentialFirstObjectMs"] = Stats.Median(seqFirst),
                },
            },
            new()
            {
                Id = "3",
                Name = "Time to the first client written (parallel paging)",
                CrmPS = $"{firstPar:0} ms",
                Baseline = $"one page: {onePage:0} ms",
                Ratio = $"{firstPar / onePage:0.00}x one page",
                Goal = "about one page's latency",
                Met = firstPar <= onePage * 1.5 + 10,
                Metrics = { ["firstObjectMs"] = firstPar, ["onePageMs"] = onePage },
                Notes = { "One page = a raw HttpClient GET of one 1,000-client page with the same latency, body read, not parsed. The first object waits for its whole page to arrive and be parsed." },
            },
            new()
            {
                Id = "3",
                Name = "-Skip 10500 -First 2000: pages requested",
                CrmPS = $"{stats.GetPaths.Count} ({string.Join(", ", stats.GetPaths.OrderBy(p => p, StringComparer.Ordinal).Select(p => p.Replace("/api/clients/", string.Empty)))})",
                Baseline = $"needed: {expectedPages.Length}",
                Ratio = onlyNeeded ? "1.00x" : $"{stats.GetPaths.Count / (double)expectedPages.Length:0.00}x",
                Goal = "only the pages needed",
                Met = onlyNeeded,
                Metrics = { ["pagesRequested"] = stats.GetPaths.Count, ["pagesNeeded"] = expectedPages.Length },
            },
        };
    }

    private static (double TotalSeconds, double FirstObjectMs) List(Engine engine, object connection, int clients)
    {
        ReceiveBenchOutputCommand.Reset();
        long start = Stopwatch.GetTimestamp();
        engine.Run(Listing, ("c", connection));
        long end = Stopwatch.GetTimestamp();
        ImportScenario.Expect(ReceiveBenchOutputCommand.Count == clients, $"the listing wrote every client ({ReceiveBenchOutputCommand.Count} of {clients})");
        return (Stopwatch.GetElapsedTime(start, end).TotalSeconds, Stopwatch.GetElapsedTime(start, ReceiveBenchOutputCommand.FirstAt).TotalMilliseconds);
    }

    private static double OnePageMilliseconds(SandboxProcess server, int samples)
    {
        using var http = new HttpClient();
        var times = new List<double>();
        for (int i = 0; i <= samples; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "api/clients/0/1000"));
            request.Headers.TryAddWithoutValidation("x-api-key", SandboxProcess.ApiKey);
            var watch = Stopwatch.StartNew();
            using HttpResponseMessage response = http.Send(request);
            _ = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Median(times);
    }
}
