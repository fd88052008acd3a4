using System.Diagnostics;
using System.Globalization;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// Scenario 2 (with 4's Enterprise half), in the real shell (Scripts/Memory.ps1): a file of a
/// million rows streamed through `Import-BizstimClient -Path` while a timer in the pwsh process
/// samples its live managed heap. The sandbox (its store of a million clients) runs in its own
/// process and enforces the Enterprise hourly budget; the connection paces on the real clock.
/// </summary>
internal static class MemoryScenario
{
    public static List<ScenarioResult> Run(SandboxProcess server, bool quick, string folder)
    {
        long rowCount = quick ? 100_000 : 1_000_000;
        const int sampleRows = 20_000;
        string file = Path.Combine(folder, $"clients-{rowCount}.csv");
        string warm = Path.Combine(folder, "warm-2000.csv");
        string sample = Path.Combine(folder, $"sample-{sampleRows}.csv");
        CsvShapedRows.WriteFile(file, rowCount);
        CsvShapedRows.WriteFile(warm, 2000);
        CsvShapedRows.WriteFile(sample, sampleRows);
        double fileMegabytes = new FileInfo(file).Length / 1048576.0;

        var pwsh = PwshProcess.Run(
            "Memory.ps1",
            server.Send,
            ("Manifest", ModuleAssemblyResolver.ManifestPath),
            ("BaseUri", server.BaseUri.ToString()),
            ("ApiKey", SandboxProcess.ApiKey),
            ("File", file),
            ("Rows", rowCount.ToString(CultureInfo.InvariantCulture)),
            ("WarmFile", warm),
            ("SampleFile", sample),
            ("SampleRows", sampleRows.ToString(CultureInfo.InvariantCulture)));
        File.Delete(file);

        double baseline = pwsh.Number("baselineBytes");
        double[] samples = pwsh.Numbers("samples");
        double peak = samples.Length > 0 ? Math.Max(baseline, samples.Max()) : baseline;
        double growth = (peak - baseline) / 1048576.0;
        // Flat: the second half of the run holds no more than the first half did, give or take a batch's worth.
        double firstHalf = samples.Length > 1 ? samples.Take(samples.Length / 2).Max() : baseline;
        double secondHalf = samples.Length > 1 ? samples.Skip(samples.Length / 2).Max() : peak;
        double drift = (secondHalf - firstHalf) / 1048576.0;
        bool flat = drift < 8;
        double wholeInput = pwsh.Number("heldBytesPerRow") * rowCount / 1048576.0;
        double seconds = pwsh.Number("seconds");
        long operations = (rowCount + 999) / 1000;
        double posts = pwsh.Number("posts");
        double refused = pwsh.Number("refused");
        double maxPerHour = pwsh.Number("maxPostsPerHour");
        bool paced = posts == operations && refused == 0 && maxPerHour <= 1000 && seconds <= 3600;
        return new List<ScenarioResult>
        {
            new()
            {
                Id = "2",
                Name = $"`Import-BizstimClient -Path` on {rowCount:N0} rows ({fileMegabytes:N0} MB file): peak growth of pwsh's live managed heap",
                CrmPS = $"{growth:0.0} MB, second half vs first {drift:+0.0;-0.0} MB ({samples.Length} samples; {rowCount / seconds:N0} rows/s)",
                Baseline = $"the input held whole ($rows = Import-Csv): {wholeInput:N0} MB",
                Ratio = $"{growth / wholeInput:0.000}x",
                Goal = "< 64 MB, flat",
                Met = growth < 64 && flat,
                Metrics =
                {
                    ["rows"] = rowCount,
                    ["fileMB"] = fileMegabytes,
                    ["baselineLiveMB"] = baseline / 1048576.0,
                    ["peakLiveMB"] = peak / 1048576.0,
                    ["afterLiveMB"] = pwsh.Number("afterBytes") / 1048576.0,
                    ["peakGrowthMB"] = growth,
                    ["secondHalfMinusFirstHalfMB"] = drift,
                    ["wholeInputMB"] = wholeInput,
                    ["seconds"] = seconds,
                    ["samples"] = samples.Length,
                },
                Notes = { "Live heap = [GC]::GetTotalMemory($true) in the pwsh process every 500 ms during the run (a timer class added with Add-Type); growth is the peak over the value before the run. Flat = the second half's peak within 8 MB of the first half's." },
            },
            new()
            {
                Id = "4",
                Name = $"Enterprise pacing, real clock: {rowCount:N0} rows (the run of scenario 2)",
                CrmPS = $"{posts:N0} operations, {refused} refused, max {maxPerHour:N0}/h, done in {seconds:0} s",
                Baseline = $"budget: {operations:N0} operations within 1:00:00",
                Ratio = $"{posts / operations:0.00}x operations",
                Goal = "1 op per 1,000 rows, within 1 h",
                Met = paced,
                Notes = { "The sandbox (in its own process) enforces the Enterprise budget on real time and the connection paces on the real clock, so a refusal would show." },
                Metrics =
                {
                    ["operations"] = posts,
                    ["refused"] = refused,
                    ["maxPerHour"] = maxPerHour,
                    ["seconds"] = seconds,
                },
            },
        };
    }
}
