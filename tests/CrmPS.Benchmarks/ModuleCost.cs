using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Benchmarks;

/// <summary>
/// The module's own cost per row with binding aside: the same plain classes ProcessRecord drives
/// without -CheckpointPath (ClientRowReader reading the row's columns, ClientRowBuilder, ClientImporter with
/// ClientBatch.ToJson and the transport), fed the rows already bound to -InputObject, sending through an in-memory
/// HTTP handler to a server that answers "imported" without reading the body. What remains is
/// CrmPS's CPU per row; the engine's binder, the network and the server are not in it.
/// </summary>
internal static class ModuleCost
{
    private static readonly Uri BaseUri = new("https://bench.invalid/");

    public sealed record Result(double MicrosecondsPerRow, double BytesPerRow, Dictionary<string, double> Stages);

    public static Result Measure(int rowCount, int rounds)
    {
        PSObject[] inputs = CsvShapedRows.Build(rowCount);

        Run(inputs); // warm-up
        var totals = new List<double>();
        var bytes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            Run(inputs);
            totals.Add(watch.Elapsed.TotalSeconds * 1e6 / rowCount);
            bytes.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)rowCount);
        }

        return new Result(Stats.Median(totals), Stats.Median(bytes), Stages(inputs, rounds));
    }

    /// <summary>What -Path adds before the module's work: reading the file's records and projecting them onto the fields, microseconds per row.</summary>
    public static double CsvRead(string file, long rowCount, int rounds)
    {
        var times = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            long read = 0;
            using (CsvFileReader reader = CsvFileReader.Open(file, ',', null))
            {
                ClientColumnMap map = ClientColumnMap.Resolve(reader.Header);
                foreach (CsvFileRecord record in reader.Records())
                {
                    if (record.Problem == null && ClientRowReader.Project(map, record.Values).FixedValues.Length > 0)
                    {
                        read++;
                    }
                }
            }

            ImportScenario.Expect(read == rowCount, $"CsvFileReader read every record ({read} of {rowCount})");
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalSeconds * 1e6 / rowCount);
            }
        }

        return Stats.Median(times);
    }

    /// <summary>What ProcessRecord does for a valid row, minus the binding and the stream writes.</summary>
    private static long Run(PSObject[] inputs)
    {
        var builder = new ClientRowBuilder(null, null);
        var rowReader = new ClientRowReader();
        var host = new DirectHost();
        var importer = NewImporter(host);
        for (int i = 0; i < inputs.Length; i++)
        {
            long rowNumber = i + 1;
            ClientRowValues values = rowReader.Read(inputs[i]);
            var result = new ImportResult { Row = rowNumber, FirstName = values.Text(ClientColumns.FirstName), LastName = values.Text(ClientColumns.LastName), Email = values.Text(ClientColumns.Email) };
            ClientRow row = builder.Build(rowNumber, values, out _, inputs[i]);
            importer.AddValid(row, 0, result);
        }

        importer.Complete();
        long results = host.Results;

        ImportScenario.Expect(results == inputs.Length, "module cost: one result per row");
        return results;
    }

    /// <summary>A stopwatch breakdown: each step over every row on its own; the fingerprint is only computed with -CheckpointPath, so it is not in <see cref="Run"/>.</summary>
    private static Dictionary<string, double> Stages(PSObject[] inputs, int rounds)
    {
        int n = inputs.Length;
        var values = new ClientRowValues[n];
        var rows = new ClientRow[n];
        var builder = new ClientRowBuilder(null, null);
        var stages = new Dictionary<string, List<double>>
        {
            ["rowReader"] = new(),
            ["fingerprint"] = new(),
            ["rowBuilder"] = new(),
            ["batchJson"] = new(),
            ["importer"] = new(),
        };
        for (int round = 0; round < rounds; round++)
        {
            var rowReader = new ClientRowReader();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                values[i] = rowReader.Read(inputs[i]);
            }

            stages["rowReader"].Add(watch.Elapsed.TotalSeconds * 1e6 / n);
            watch.Restart();
            uint sink = 0;
            for (int i = 0; i < n; i++)
            {
                sink ^= RowFingerprint.Of(values[i].FixedValues, values[i].Extras);
            }

            stages["fingerprint"].Add(watch.Elapsed.TotalSeconds * 1e6 / n);
            watch.Restart();
            for (int i = 0; i < n; i++)
            {
                rows[i] = builder.Build(i + 1, values[i], out _, inputs[i]);
            }

            stages["rowBuilder"].Add(watch.Elapsed.TotalSeconds * 1e6 / n);
            watch.Restart();
            for (int i = 0; i < n; i += 1000)
            {
                new ClientBatch(new ArraySegment<ClientRow>(rows, i, Math.Min(1000, n - i))).ToJson();
            }

            stages["batchJson"].Add(watch.Elapsed.TotalSeconds * 1e6 / n);
            var importer = NewImporter(new DirectHost());
            watch.Restart();
            for (int i = 0; i < n; i++)
            {
                importer.AddValid(rows[i], (uint)i, new ImportResult { Row = i + 1 });
            }

            importer.Complete();
            stages["importer"].Add(watch.Elapsed.TotalSeconds * 1e6 / n);
        }

        return stages.ToDictionary(s => s.Key, s => Stats.Median(s.Value));
    }

    private static ClientImporter NewImporter(DirectHost host)
    {
        var handler = new SandboxMessageHandler(new ImportedService(), BaseUri);
        var connection = new BizstimConnection(BaseUri, SecretText.ToSecureString(SandboxProcess.ApiKey), BizstimPlan.Enterprise, new ConnectionOptions(), handler);
        return new ClientImporter(connection, null, null, host, new MessageQueue(), CancellationToken.None);
    }

    /// <summary>Answers every request "imported" without reading it: the server's cost is not the module's.</summary>
    private sealed class ImportedService : ISandboxService
    {
        private static readonly byte[] Imported = Encoding.UTF8.GetBytes("{\"status\":\"success\",\"response\":\"" + BizstimSandbox.ImportedMessage + "\"}");

        public SandboxResponse Handle(SandboxRequest request) => SandboxResponse.Json(200, Imported);
    }

    /// <summary>The cmdlet's side of the importer without PowerShell: waits inline, shows nothing.</summary>
    private sealed class DirectHost : IImportHost
    {
        public string DeclineReason(ClientBatch batch) => null;

        public bool MayPrompt => false;

        public T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

        public void Wait(Task task) => task.GetAwaiter().GetResult();

        public void ReportProgress(ImportProgress progress)
        {
        }

        public void ReportWait(TimeSpan remaining, DateTimeOffset resumesAt, int used, int capacity)
        {
        }

        public void EndWait()
        {
        }

        public void Warn(string message)
        {
        }

        public long Results { get; private set; }

        public void BatchError(CrmApiException error, ClientBatch batch, IReadOnlyList<object> inputRows, string rowsSoFar) =>
            throw new InvalidOperationException("module cost: a batch failed: " + error.Message);

        public void Emit(ImportResult result) => Results++;
    }
}
