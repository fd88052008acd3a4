using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Reliability;

/// <summary>Every Customer Database App cmdlet (all writes: the API has no reads) under every fault.</summary>
internal static class CdbFaultMatrix
{
    public static async Task<List<FaultOutcome>> RunAsync()
    {
        await using var session = await MatrixSession.StartAsync("/cdb");
        var outcomes = new List<FaultOutcome>();
        foreach (var (name, make) in FaultCatalog.All().Concat(FaultCatalog.LateCommits()))
        {
            outcomes.Add(Write(session, name, make("POST"), "New-CdbCustomer", _ => "New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com", s => s.Customers.Count - 1));
            outcomes.Add(Write(session, name, make("POST"), "New-CdbPipeline", id => $"New-CdbPipeline -CustomerId {id} -Reference R-1 -PipelineTypeId 1", s => s.Pipelines.Count));
            outcomes.Add(Write(session, name, make("POST"), "New-CdbNote", id => $"New-CdbNote -CustomerId {id} -Text 'Called back'", s => s.Notes.Count));
            outcomes.Add(Write(session, name, make("POST"), "New-CdbEvent", id => $"New-CdbEvent -CustomerId {id} -Name Visit -Start ([datetime]'2026-12-01T09:00') -End ([datetime]'2026-12-01T10:00')", s => s.Events.Count));
            outcomes.Add(Write(session, name, make("POST"), "New-CdbTask", id => $"New-CdbTask -CustomerId {id} -Name 'Send quote' -DueDate ([datetime]'2026-12-03')", s => s.Tasks.Count));
        }

        return outcomes;
    }

    /// <summary>Each run starts with one customer already in the store, the parent of pipelines, notes, events and tasks.</summary>
    private static FaultOutcome Write(MatrixSession session, string faultName, SandboxFault fault, string cmdlet, Func<int, string> script, Func<CdbSandbox, int> stored)
    {
        var clock = new VirtualClock();
        var sandbox = new CdbSandbox(clock, MatrixSession.Key);
        int parent = sandbox.AddCustomer("Existing", "Customer", "existing@example.com").Id;
        session.Connect(sandbox, fault, clock, "Connect-Cdb");
        var run = session.Run(script(parent));
        return MatrixSession.Write(faultName, cmdlet, 1, stored(sandbox), run);
    }
}
