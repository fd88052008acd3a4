using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 4 (Trial half): 100 rows on a Trial connection, the emulator enforcing the Trial limits
/// on the same virtual clock as the connection, so three hours of waiting cost nothing.
/// </summary>
internal static class PacingScenario
{
    public static ScenarioResult Run()
    {
        const int rows = 100;
        var clock = new VirtualClock();
        var sandbox = new BizstimSandbox(BizstimPlan.Trial, clock, SandboxProcess.ApiKey) { EnforceRateLimits = true };
        LoopbackSandboxServer server = LoopbackSandboxServer.StartAsync(sandbox, "/pace").GetAwaiter().GetResult();
        try
        {
            using var engine = new Engine();
            var connection = (BizstimConnection)engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Trial -PassThru", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri))[0].BaseObject;
            connection.Clock = clock;
            ReceiveBenchOutputCommand.Reset();
            engine.Run("$rows | Import-BizstimClient | Receive-BenchOutput", ("rows", CsvShapedRows.Build(rows)));
            ImportScenario.Expect(ReceiveBenchOutputCommand.Count == rows && ReceiveBenchOutputCommand.NotImported == 0, "every Trial row imported");

            var posts = sandbox.Requests.Where(r => r.Method == "POST").ToList();
            int refused = posts.Count(r => r.StatusCode < 200 || r.StatusCode > 299);
            int maxPerHour = Stats.MaxInWindow(posts.Select(p => p.ReceivedAt).ToList(), TimeSpan.FromHours(1));
            TimeSpan done = posts.Max(p => p.ReceivedAt) - clock.Start;
            int operations = (rows + 2) / 3;
            TimeSpan earliest = TimeSpan.FromHours((operations - 1) / 10);
            bool met = posts.Count == operations && refused == 0 && maxPerHour <= 10 && done == earliest && sandbox.Clients.Count == rows;
            return new ScenarioResult
            {
                Id = "4",
                Name = "Trial pacing, virtual clock: 100 rows (3 per operation, 10 operations per rolling hour)",
                CrmPS = $"{posts.Count} operations, {refused} refused, max {maxPerHour}/h, last sent at +{done:h\\:mm\\:ss}",
                Baseline = $"earliest the budget allows: {operations} operations, last at +{earliest:h\\:mm\\:ss}",
                Ratio = $"{done.TotalHours / Math.Max(earliest.TotalHours, 1e-9):0.00}x",
                Goal = "34 ops, <= 10/h, 0 refused, earliest finish",
                Met = met,
                Metrics =
                {
                    ["operations"] = posts.Count,
                    ["refused"] = refused,
                    ["maxPerHour"] = maxPerHour,
                    ["doneHours"] = done.TotalHours,
                    ["earliestHours"] = earliest.TotalHours,
                },
            };
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
