using CrmPS.Sandbox;

namespace CrmPS.Tests.Reliability;

/// <summary>What one cmdlet did under one injected fault, as the sandbox's own store saw it once the server was done.</summary>
internal sealed record FaultOutcome(string Fault, string Cmdlet, int RowsSent, int RowsStored, int Duplicates, int Lost, int Reported, string Note, int DuplicatesReported = 0)
{
    /// <summary>Duplicates no result row reports as Duplicated.</summary>
    public int SilentDuplicates => Math.Max(0, Duplicates - DuplicatesReported);

    /// <summary>Nothing lost, no silent duplicate, every row either stored or reported.</summary>
    public bool Holds => SilentDuplicates == 0 && Lost == 0;
}

/// <summary>The faults every write and read cmdlet faces in the matrix.</summary>
internal static class FaultCatalog
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1);

    public static IEnumerable<(string Name, Func<string, SandboxFault> Make)> All()
    {
        yield return ("503, no Retry-After", m => new SandboxFault(SandboxFaultKind.Status) { Method = m, StatusCode = 503 });
        yield return ("429 with Retry-After", m => new SandboxFault(SandboxFaultKind.Status) { Method = m, StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(30) });
        yield return ("reset before processing", m => new SandboxFault(SandboxFaultKind.ResetBeforeProcessing) { Method = m });
        yield return ("502 after commit", m => new SandboxFault(SandboxFaultKind.StatusAfterCommit) { Method = m, StatusCode = 502 });
        yield return ("reset after commit", m => new SandboxFault(SandboxFaultKind.ResetAfterCommit) { Method = m });
        yield return ("delay beyond timeout", m => new SandboxFault(SandboxFaultKind.DelayAfterCommit) { Method = m, Delay = TimeSpan.FromSeconds(10) });
        yield return ("HTML body", m => new SandboxFault(SandboxFaultKind.HtmlBody) { Method = m });
        yield return ("truncated body", m => new SandboxFault(SandboxFaultKind.TruncatedBody) { Method = m });
    }

    /// <summary>
    /// A slow server that stores the write after the client gave up (held past the 1 s timeout, committed
    /// later by the virtual clock): during the import's looks, late in its settle period (twice the timeout),
    /// and after it, once the rows were sent again. Applied to every write cmdlet.
    /// </summary>
    public static IEnumerable<(string Name, Func<string, SandboxFault> Make)> LateCommits()
    {
        yield return ("commit 0.3 s late (during the looks)", m => LateCommit(m, 0.3));
        yield return ("commit 1.5 s late (within the settle period)", m => LateCommit(m, 1.5));
        yield return ("commit 3 s late (after the settle period)", m => LateCommit(m, 3));
    }

    private static SandboxFault LateCommit(string method, double seconds) =>
        new(SandboxFaultKind.LateCommit) { Method = method, Delay = TimeSpan.FromMinutes(1), CommitAfter = TimeSpan.FromSeconds(seconds) };
}
