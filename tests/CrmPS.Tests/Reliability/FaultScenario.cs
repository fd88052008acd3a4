using CrmPS.Sandbox;

namespace CrmPS.Tests.Reliability;

/// <summary>What one cmdlet did under one injected fault, as the sandbox's own store saw it.</summary>
internal sealed record FaultOutcome(string Fault, string Cmdlet, int RowsSent, int RowsStored, int Duplicates, int Lost, int Reported, string Note)
{
    /// <summary>Nothing lost, nothing duplicated, every row either stored or reported.</summary>
    public bool Holds => Duplicates == 0 && Lost == 0;
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
}
