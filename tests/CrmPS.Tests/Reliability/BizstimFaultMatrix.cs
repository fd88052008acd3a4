using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Reliability;

/// <summary>Every Bizstim cmdlet under every fault against a fresh emulator, counted in the emulator's store.</summary>
internal static class BizstimFaultMatrix
{
    private const string Connect = "Connect-Bizstim";

    public static async Task<List<FaultOutcome>> RunAsync()
    {
        await using var session = await MatrixSession.StartAsync("/bizstim");
        var outcomes = new List<FaultOutcome>();
        foreach (var (name, make) in FaultCatalog.All())
        {
            outcomes.AddRange(Writes(session, name, make));
            outcomes.Add(Read(session, name, make("GET"), "Get-BizstimClient", "Get-BizstimClient", 5));
            outcomes.Add(Read(session, name, make("GET"), "Get-BizstimClient -Id", "Get-BizstimClient -Id 1, 2", 2));
            outcomes.Add(Read(session, name, make("GET"), "Get-BizstimSession", "Get-BizstimSession", 25));
            outcomes.Add(Read(session, name, make("GET"), "Get-BizstimTestimonial", "Get-BizstimTestimonial", 4));
            outcomes.Add(Read(session, name, make("GET"), "Get-BizstimOnDemandLink", "Get-BizstimOnDemandLink -StudentId S-1", 1));
        }

        foreach (var (name, make) in FaultCatalog.LateCommits())
        {
            outcomes.AddRange(Writes(session, name, make));
        }

        return outcomes;
    }

    private static IEnumerable<FaultOutcome> Writes(MatrixSession session, string name, Func<string, SandboxFault> make)
    {
        yield return Import(session, name, make("POST"));
        var inquiry = Fresh(session, make("POST"), out _);
        var sent = session.Run("Send-BizstimInquiry -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message Hi");
        yield return MatrixSession.Write(name, "Send-BizstimInquiry", 1, inquiry.Inquiries.Count, sent);
    }

    private static BizstimSandbox Fresh(MatrixSession session, SandboxFault fault, out VirtualClock clock)
    {
        clock = new VirtualClock();
        var sandbox = new BizstimSandbox(BizstimPlan.Enterprise, clock, MatrixSession.Key);
        session.Connect(sandbox, fault, clock, Connect);
        return sandbox;
    }

    private static FaultOutcome Import(MatrixSession session, string faultName, SandboxFault fault)
    {
        var sandbox = Fresh(session, fault, out _);
        var rows = CsvRows.Documented(5);
        var run = session.Run("$rows | Import-BizstimClient -BatchSize 3", ("rows", rows));
        var emails = sandbox.Clients.GroupBy(c => c.Email).ToList();
        var results = run.Objects<ImportResult>().ToList();
        int stored = emails.Count;
        int reported = results.Count(r => r.Status != ImportStatus.Imported);
        int lost = Math.Max(0, rows.Length - stored - reported);
        int duplicatesReported = results.Where(r => r.Status == ImportStatus.Duplicated).Sum(r => r.ClientIds.Length - 1);
        string note = string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}"));
        return new FaultOutcome(faultName, "Import-BizstimClient", rows.Length, stored, emails.Sum(g => g.Count() - 1), lost, reported, note, duplicatesReported);
    }

    private static FaultOutcome Read(MatrixSession session, string faultName, SandboxFault fault, string label, string script, int expected)
    {
        var sandbox = Fresh(session, fault, out _);
        sandbox.SeedClients(5);
        return MatrixSession.Read(faultName, label, expected, session.Run(script));
    }
}
