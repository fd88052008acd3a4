using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 1, in the real shell (Scripts/Import.ps1 in a `dotnet pwsh` child process) on CSV files
/// written here: L (raw HttpClient posting the same pre-built batches, measured in this process
/// between the script's own measurements), Import-Csv's floor, rows in memory piped in,
/// `Import-Csv file | Import-BizstimClient`, `Import-BizstimClient -Path file`, and the naive
/// one-POST-per-row Invoke-RestMethod script against CrmPS with the server adding 0 and 20 ms.
/// </summary>
internal static class ImportScenario
{
    public static List<ScenarioResult> Run(SandboxProcess server, bool quick, string folder)
    {
        int rowCount = quick ? 10_000 : 100_000;
        int naive0 = quick ? 300 : 2_000;
        int naive20 = quick ? 50 : 200;
        int rounds = quick ? 1 : 3;
        string file = Path.Combine(folder, $"clients-{rowCount}.csv");
        string warm = Path.Combine(folder, "warm-2000.csv");
        string naiveFile0 = Path.Combine(folder, $"naive-{naive0}.csv");
        string naiveFile20 = Path.Combine(folder, $"naive-{naive20}.csv");
        CsvShapedRows.WriteFile(file, rowCount);
        CsvShapedRows.WriteFile(warm, 2000);
        CsvShapedRows.WriteFile(naiveFile0, naive0);
        CsvShapedRows.WriteFile(naiveFile20, naive20);
        byte[][] bodies = PrebuiltBatches(rowCount);
        var endpoint = new Uri(server.BaseUri, "api/clients");
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate });

        string Server(string command)
        {
            if (command != "LIMIT")
            {
                return server.Send(command);
            }

            server.Reset(BizstimPlan.Enterprise, enforceRateLimits: false);
            double seconds = PostAll(http, endpoint, bodies).TotalSeconds;
            Expect(server.Stats().Posts == bodies.Length, "L: every batch reached the server");
            return seconds.ToString("R", CultureInfo.InvariantCulture);
        }

        var pwsh = PwshProcess.Run(
            "Import.ps1",
            Server,
            ("Manifest", ModuleAssemblyResolver.ManifestPath),
            ("Endpoint", endpoint.ToString()),
            ("BaseUri", server.BaseUri.ToString()),
            ("ApiKey", SandboxProcess.ApiKey),
            ("File", file),
            ("Rows", rowCount.ToString(CultureInfo.InvariantCulture)),
            ("WarmFile", warm),
            ("Rounds", rounds.ToString(CultureInfo.InvariantCulture)),
            ("NaiveFile0", naiveFile0),
            ("NaiveRows0", naive0.ToString(CultureInfo.InvariantCulture)),
            ("NaiveFile20", naiveFile20),
            ("NaiveRows20", naive20.ToString(CultureInfo.InvariantCulture)),
            ("File20", file),
            ("Rows20", rowCount.ToString(CultureInfo.InvariantCulture)));

        ModuleCost.Result cost = ModuleCost.Measure(rowCount, quick ? 3 : 7);
        double csvRead = ModuleCost.CsvRead(file, rowCount, quick ? 3 : 7);

        double PerRow(string name) => Stats.Median(pwsh.Numbers(name)) / rowCount * 1e6;
        double limit = PerRow("limit");
        double floor = PerRow("floor");
        double inMemory = PerRow("inMemory");
        double pipe = PerRow("importCsvPipe");
        double path = PerRow("path");
        double bind = PerRow("bindOnly");
        double sink = PerRow("sink");
        double ownInMemory = inMemory - limit;
        double ownPipe = pipe - limit - floor;
        double pathVsLimit = path / limit;
        double naive0Rate = naive0 / pwsh.Number("naive0");
        double naive20Rate = naive20 / pwsh.Number("naive20");
        double crmps20Rate = rowCount / pwsh.Number("crmps20");
        double crmps0Rate = 1e6 / pipe;
        var metrics = new Dictionary<string, double>
        {
            ["rows"] = rowCount,
            ["batches"] = bodies.Length,
            ["rounds"] = rounds,
            ["limitUsPerRow"] = limit,
            ["floorUsPerRow"] = floor,
            ["inMemoryUsPerRow"] = inMemory,
            ["importCsvPipeUsPerRow"] = pipe,
            ["pathUsPerRow"] = path,
            ["bindOnlyUsPerRow"] = bind,
            ["sinkUsPerRow"] = sink,
            ["ownInMemoryUsPerRow"] = ownInMemory,
            ["ownImportCsvPipeUsPerRow"] = ownPipe,
            ["heldBytesPerRow"] = pwsh.Number("heldBytesPerRow"),
        };
        foreach (string name in new[] { "limit", "floor", "inMemory", "importCsvPipe", "path", "bindOnly", "sink" })
        {
            double[] perRound = pwsh.Numbers(name);
            for (int round = 0; round < perRound.Length; round++)
            {
                metrics[$"round{round + 1}.{name}UsPerRow"] = perRound[round] / rowCount * 1e6;
            }
        }

        string shell = $"pwsh {pwsh.Text("pwsh")}, GC {pwsh.Text("gc")}";
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "1",
                Name = $"CrmPS's own cost per row, binding included: rows in memory piped in (`$rows | Import-BizstimClient`, {rowCount:N0} rows)",
                CrmPS = $"{ownInMemory:0.0} us/row (total {inMemory:0.0} us/row)",
                Baseline = $"L: {limit:0.0} us/row",
                Ratio = $"{inMemory / limit:0.00}x L's time",
                Goal = "<= 4 us/row own",
                Met = ownInMemory <= 4,
                Metrics = metrics,
                Notes = { $"Scenario 1 runs in {shell}; each figure is the median of {rounds} round(s), the ways in and their baselines alternating within a round." },
            },
            new()
            {
                Id = "1",
                Name = $"CrmPS's own cost per row, binding included: `Import-Csv file | Import-BizstimClient` ({rowCount:N0} rows)",
                CrmPS = $"{ownPipe:0.0} us/row (total {pipe:0.0} us/row)",
                Baseline = $"L {limit:0.0} + Import-Csv floor {floor:0.0} us/row",
                Ratio = $"{pipe / (limit + floor):0.00}x L + floor",
                Goal = "<= 4 us/row own",
                Met = ownPipe <= 4,
                Metrics = { ["ownImportCsvPipeUsPerRow"] = ownPipe, ["floorUsPerRow"] = floor, ["limitUsPerRow"] = limit },
            },
            new()
            {
                Id = "1",
                Name = $"`Import-BizstimClient -Path file`, {rowCount:N0} rows, vs L (raw HttpClient, same {bodies.Length} batches)",
                CrmPS = $"{path * rowCount / 1e6:0.00} s ({1e6 / path:N0} rows/s)",
                Baseline = $"L: {limit * rowCount / 1e6:0.00} s ({1e6 / limit:N0} rows/s)",
                Ratio = $"{pathVsLimit:0.00}x L's time",
                Goal = "<= 1.3x",
                Met = pathVsLimit <= 1.3,
                Metrics = { ["pathUsPerRow"] = path, ["limitUsPerRow"] = limit, ["pathVsLimit"] = pathVsLimit },
            },
            new()
            {
                Id = "1",
                Name = $"20 ms added per request: `Import-Csv | Import-BizstimClient` ({rowCount:N0} rows) vs the naive Invoke-RestMethod script ({naive20:N0} rows, one POST per row)",
                CrmPS = $"{crmps20Rate:N0} rows/s",
                Baseline = $"naive: {naive20Rate:N1} rows/s",
                Ratio = $"{crmps20Rate / naive20Rate:N0}x the rows/s",
                Goal = ">= 300x",
                Met = crmps20Rate / naive20Rate >= 300,
                Metrics = { ["naive20Rows"] = naive20, ["naive20Seconds"] = pwsh.Number("naive20"), ["naive20RowsPerSecond"] = naive20Rate, ["crmps20Seconds"] = pwsh.Number("crmps20"), ["crmps20RowsPerSecond"] = crmps20Rate },
            },
            new()
            {
                Id = "1",
                Name = $"No added latency: `Import-Csv | Import-BizstimClient` ({rowCount:N0} rows) vs the naive Invoke-RestMethod script ({naive0:N0} rows)",
                CrmPS = $"{crmps0Rate:N0} rows/s",
                Baseline = $"naive: {naive0Rate:N0} rows/s",
                Ratio = $"{crmps0Rate / naive0Rate:N0}x the rows/s",
                Goal = "reported",
                Met = null,
                Metrics = { ["naive0Rows"] = naive0, ["naive0Seconds"] = pwsh.Number("naive0"), ["naive0RowsPerSecond"] = naive0Rate, ["crmps0RowsPerSecond"] = crmps0Rate },
            },
            new()
            {
                Id = "1",
                Name = "The module's own work per row, binding aside (plain classes in this process, pre-bound values, in-memory HTTP)",
                CrmPS = $"{cost.MicrosecondsPerRow:0.00} us/row ({cost.BytesPerRow:N0} B allocated)",
                Baseline = $"binding one row by value in pwsh: {bind:0.00} us/row",
                Ratio = $"{cost.MicrosecondsPerRow / bind:0.00}x binding",
                Goal = "reported",
                Met = null,
                Metrics = new Dictionary<string, double>(cost.Stages.Select(s => new KeyValuePair<string, double>("stageUs." + s.Key, s.Value)))
                {
                    ["moduleUsPerRow"] = cost.MicrosecondsPerRow,
                    ["moduleBytesPerRow"] = cost.BytesPerRow,
                    ["bindOnlyUsPerRow"] = bind,
                    ["csvReadUsPerRow"] = csvRead,
                },
            },
        };
    }

    /// <summary>The request bodies CrmPS sends for these rows, built once, outside any timing.</summary>
    private static byte[][] PrebuiltBatches(int rowCount)
    {
        var builder = new ClientRowBuilder(null, null);
        var batches = new List<byte[]>();
        var batch = new List<ClientRow>(1000);
        for (int i = 1; i <= rowCount; i++)
        {
            ClientRow row = builder.Build(i, CsvShapedRows.FixedValues(i), CsvShapedRows.Extras(i), out _);
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
