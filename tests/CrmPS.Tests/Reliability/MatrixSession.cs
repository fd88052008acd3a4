using CrmPS.Core;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Reliability;

/// <summary>One loopback server and one PowerShell session for a service's part of the fault matrix.</summary>
internal sealed class MatrixSession : IAsyncDisposable
{
    public const string Key = "MATRIXKEY-0123456789abcdef0123456789abcd";

    private readonly SwitchableService _service = new();

    private MatrixSession()
    {
    }

    public LoopbackSandboxServer Server { get; private set; }

    public PsHost Ps { get; } = new();

    /// <summary>The fault injector in front of the current emulator.</summary>
    public FaultInjectingService Faults { get; private set; }

    /// <summary>Runs a cmdlet, then lets the server finish what it still held (a late commit), so the store shows the final state.</summary>
    public PsRun Run(string script, params (string Name, object Value)[] variables)
    {
        var run = Ps.Run(script, variables);
        Faults.LandLateCommits();
        return run;
    }

    public static async Task<MatrixSession> StartAsync(string prefix)
    {
        var session = new MatrixSession();
        session.Server = await LoopbackSandboxServer.StartAsync(session._service, prefix);
        return session;
    }

    /// <summary>Puts <paramref name="sandbox"/> behind the server with <paramref name="fault"/> injected, and connects to it on virtual time.</summary>
    public void Connect(ISandboxService sandbox, SandboxFault fault, VirtualClock clock, string connectScript)
    {
        Faults = new FaultInjectingService(sandbox, clock).Add(fault);
        _service.Current = Faults;
        var run = Ps.Run(connectScript + " -ApiKey $key -BaseUri $uri -PassThru", ("key", Key), ("uri", Server.BaseUri));
        var connection = (CrmConnection)run.Output.Single().BaseObject;
        connection.Clock = clock;
        connection.RequestTimeout = FaultCatalog.ClientTimeout;
    }

    /// <summary>A write of <paramref name="sent"/> records: what the store holds, and whether everything not stored was reported.</summary>
    public static FaultOutcome Write(string fault, string cmdlet, int sent, int stored, PsRun run)
    {
        int reported = run.Errors.Count;
        int lost = stored < sent && reported == 0 ? sent - stored : 0;
        bool saysMayHaveLanded = run.Errors.Any(e => e.ToString().Contains("may have been stored", StringComparison.Ordinal));
        string note = reported == 0 ? "stored"
            : saysMayHaveLanded ? (stored > 0 ? "stored; error record says it may have been" : "not stored; error record says it may have been")
            : stored > 0 ? "stored; error record" : "error record";
        return new FaultOutcome(fault, cmdlet, sent, Math.Min(stored, sent), Math.Max(0, stored - sent), lost, reported, note);
    }

    /// <summary>A read: complete output, or a clear error; anything else counts as lost.</summary>
    public static FaultOutcome Read(string fault, string cmdlet, int expected, PsRun run)
    {
        int returned = run.Output.Count;
        bool complete = returned == expected && run.Errors.Count == 0;
        bool clearError = run.Errors.Count > 0 && run.Errors.All(e => e.Exception is CrmApiException);
        int lost = complete || clearError ? 0 : 1;
        string note = complete ? $"all {expected} returned" : clearError ? "clear error" : $"{returned} of {expected}, no error";
        return new FaultOutcome(fault, cmdlet, 0, returned, 0, lost, run.Errors.Count, note);
    }

    public async ValueTask DisposeAsync()
    {
        Ps.Dispose();
        await Server.DisposeAsync();
    }
}
