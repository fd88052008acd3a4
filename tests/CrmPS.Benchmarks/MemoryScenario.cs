using System.Diagnostics;
using System.Management.Automation;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 2 (with 4's Enterprise half): rows made one at a time stream through
/// Import-BizstimClient while a sampler forces a full collection every half second and records
/// the live managed heap of this process (the sandbox runs in its own process). The server
/// enforces the Enterprise hourly budget and the connection paces on a virtual clock.
/// </summary>
internal static class MemoryScenario
{
    public static List<ScenarioResult> Run(SandboxProcess server, bool quick)
    {
        long rowCount = quick ? 100_000 : 1_000_000;
        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: true);

        using var engine = new Engine();
        var connection = (BizstimConnection)engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Enterprise -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0].BaseObject;
        var clock = new VirtualClock();
        connection.Clock = clock;

        // Warm up on a separate emulator, so the measured run starts with a spent-nothing budget.
        engine.Run("$rows | Import-BizstimClient | Receive-BenchOutput", ("rows", CsvShapedRows.Build(2000)));
        server.Reset(BizstimPlan.Enterprise, enforceRateLimits: true);
        connection = (BizstimConnection)engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Enterprise -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0].BaseObject;
        connection.Clock = clock;

        double wholeInput = WholeInputMegabytes(rowCount);
        long baseline = LiveBytes();
        long peak = baseline;
        long peakHeap = 0;
        int samples = 0;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.Token.WaitHandle.WaitOne(500))
            {
                long live = LiveBytes();
                Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), live));
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                samples++;
            }
        }) { IsBackground = true, Name = "heap sampler" };

        ReceiveBenchOutputCommand.Reset();
        DateTimeOffset virtualStart = clock.UtcNow;
        sampler.Start();
        var watch = Stopwatch.StartNew();
        engine.Run("$rows | Import-BizstimClient | Receive-BenchOutput", ("rows", CsvShapedRows.Stream(rowCount)));
        watch.Stop();
        stop.Cancel();
        sampler.Join();
        long after = LiveBytes();
        TimeSpan virtualElapsed = clock.UtcNow - virtualStart;

        ImportScenario.Expect(ReceiveBenchOutputCommand.Count == rowCount && ReceiveBenchOutputCommand.NotImported == 0, $"every streamed row imported ({ReceiveBenchOutputCommand.Count}, {ReceiveBenchOutputCommand.NotImported} not imported)");
        ServerStats stats = server.Stats();
        long operations = (rowCount + 999) / 1000;
        double growth = (peak - baseline) / 1048576.0;
        bool paced = stats.Posts == operations && stats.Refused == 0 && stats.MaxPostsPerHour <= 1000 && virtualElapsed <= TimeSpan.FromHours(1);
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "2",
                Name = $"{rowCount:N0} rows streamed through Import-BizstimClient: peak growth of the live managed heap",
                CrmPS = $"{growth:0.0} MB ({samples} samples; {rowCount / watch.Elapsed.TotalSeconds:N0} rows/s)",
                Baseline = $"the input held whole: {wholeInput:N0} MB",
                Ratio = $"{growth / wholeInput:0.000}x",
                Goal = "< 64 MB, flat",
                Met = growth < 64,
                Metrics =
                {
                    ["rows"] = rowCount,
                    ["baselineLiveMB"] = baseline / 1048576.0,
                    ["peakLiveMB"] = peak / 1048576.0,
                    ["afterLiveMB"] = after / 1048576.0,
                    ["peakGrowthMB"] = growth,
                    ["peakHeapWithGarbageMB"] = peakHeap / 1048576.0,
                    ["wholeInputMB"] = wholeInput,
                    ["seconds"] = watch.Elapsed.TotalSeconds,
                    ["samples"] = samples,
                },
            },
            new()
            {
                Id = "4",
                Name = $"Enterprise pacing, virtual clock: {rowCount:N0} rows (the run of scenario 2)",
                CrmPS = $"{stats.Posts:N0} operations, {stats.Refused} refused, max {stats.MaxPostsPerHour:N0}/h, done at +{virtualElapsed:h\\:mm\\:ss}",
                Baseline = $"budget: {operations:N0} operations within 1:00:00",
                Ratio = $"{stats.Posts / (double)operations:0.00}x operations",
                Goal = "1 op per 1,000 rows, within 1 h",
                Met = paced,
                Notes = { "The connection paces on a virtual clock; the sandbox (in its own process) enforces the Enterprise budget on real time, which the whole run fits in, so a refusal would show." },
                Metrics =
                {
                    ["operations"] = stats.Posts,
                    ["refused"] = stats.Refused,
                    ["maxPerHour"] = stats.MaxPostsPerHour,
                    ["virtualHours"] = virtualElapsed.TotalHours,
                },
            },
        };
    }

    private static long LiveBytes() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>What the naive script's "$rows = Import-Csv ..." would hold: measured on 100,000 rows, scaled.</summary>
    private static double WholeInputMegabytes(long rowCount)
    {
        const int sample = 100_000;
        long before = LiveBytes();
        PSObject[] rows = CsvShapedRows.Build(sample);
        long held = LiveBytes() - before;
        GC.KeepAlive(rows);
        return held / 1048576.0 * rowCount / sample;
    }
}
