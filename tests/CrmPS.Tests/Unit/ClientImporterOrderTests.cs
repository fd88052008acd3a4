using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Unit;

/// <summary>
/// When a full batch waits for the reply to the batch in flight, the import sends it before writing
/// the results of the batch just imported, so writing them overlaps the next round trip; when a prompt
/// may come before each batch (-Confirm), the results come first, so the user sees them before being asked.
/// </summary>
public sealed class ClientImporterOrderTests
{
    private static readonly Uri BaseUri = new("https://importer.invalid/");

    [Fact]
    public void Without_prompts_an_imported_batchs_results_are_written_once_the_next_batch_is_on_its_way()
    {
        var events = Import(mayPrompt: false);

        Assert.Equal(new[] { "ask rows 1-2", "ask rows 3-4", "result 1 Imported", "result 2 Imported", "result 3 Imported", "result 4 Imported" }, events);
    }

    [Fact]
    public void When_a_prompt_may_come_the_results_are_written_before_the_next_batch_is_asked_about()
    {
        var events = Import(mayPrompt: true);

        Assert.Equal(new[] { "ask rows 1-2", "result 1 Imported", "result 2 Imported", "ask rows 3-4", "result 3 Imported", "result 4 Imported" }, events);
    }

    /// <summary>Four rows in batches of two; each import reply is held until the importer waits for it, so batch 2 is always full while batch 1 is in flight.</summary>
    private static List<string> Import(bool mayPrompt)
    {
        var held = new HeldImports(new SandboxMessageHandler(new BizstimSandbox(BizstimPlan.Enterprise, apiKey: "importer-test-key"), BaseUri));
        var connection = new BizstimConnection(BaseUri, SecretText.ToSecureString("importer-test-key"), BizstimPlan.Enterprise, new ConnectionOptions(), held);
        var host = new RecordingHost(mayPrompt, held);
        var importer = new ClientImporter(connection, 2, null, host, new MessageQueue(), CancellationToken.None);
        var builder = new ClientRowBuilder(null, null);
        for (int i = 1; i <= 4; i++)
        {
            object[] values = { $"Ann{i}", "Lee", "", "", "", "Ontario", "", "Canada", "", "", "", $"ann{i}@example.com", null, "active", null, "" };
            importer.AddValid(builder.Build(i, values, null, out _), 0, new ImportResult { Row = i });
        }

        importer.Complete();
        return host.Events;
    }

    /// <summary>Holds each import POST, without blocking the thread that sends it, until the importer says it waits for a reply.</summary>
    private sealed class HeldImports : DelegatingHandler
    {
        private readonly SemaphoreSlim _released = new(0);

        public HeldImports(HttpMessageHandler inner) : base(inner)
        {
        }

        public void ReleaseOne() => _released.Release();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && !await _released.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException("the importer never waited for this reply");
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingHost : IImportHost
    {
        private readonly HeldImports _service;

        public RecordingHost(bool mayPrompt, HeldImports service)
        {
            MayPrompt = mayPrompt;
            _service = service;
        }

        public List<string> Events { get; } = new();

        public bool MayPrompt { get; }

        public string DeclineReason(ClientBatch batch)
        {
            Events.Add("ask " + batch.RowRange);
            return null;
        }

        public T Wait<T>(Task<T> task)
        {
            if (!task.IsCompleted && task is Task<ImportOutcome>)
            {
                _service.ReleaseOne();
            }

            return task.GetAwaiter().GetResult();
        }

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

        public void Warn(string message) => Events.Add("warning " + message);

        public void BatchError(CrmApiException error, ClientBatch batch, IReadOnlyList<object> inputRows, string rowsSoFar) =>
            Events.Add("error " + error.Message);

        public void Emit(ImportResult result) => Events.Add($"result {result.Row} {result.Status}");
    }
}
