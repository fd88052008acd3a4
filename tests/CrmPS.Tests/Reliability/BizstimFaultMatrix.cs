using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Reliability;

/// <summary>Runs every Bizstim cmdlet under every fault against a fresh emulator and counts what the emulator stored.</summary>
internal static class BizstimFaultMatrix
{
    private const string Key = "MATRIXKEY-0123456789abcdef0123456789abcd";

    public static async Task<List<FaultOutcome>> RunAsync()
    {
        var service = new SwitchableService();
        await using var server = await LoopbackSandboxServer.StartAsync(service, "/bizstim");
        using var ps = new PsHost();
        var outcomes = new List<FaultOutcome>();
        foreach (var (name, make) in FaultCatalog.All())
        {
            outcomes.Add(Import(ps, server, service, name, make("POST")));
            outcomes.Add(Inquiry(ps, server, service, name, make("POST")));
            outcomes.Add(Read(ps, server, service, name, make("GET"), "Get-BizstimClient", "Get-BizstimClient", s => s.SeedClients(5), 5));
            outcomes.Add(Read(ps, server, service, name, make("GET"), "Get-BizstimClient -Id", "Get-BizstimClient -Id 1, 2", s => s.SeedClients(5), 2));
            outcomes.Add(Read(ps, server, service, name, make("GET"), "Get-BizstimSession", "Get-BizstimSession", _ => { }, 25));
            outcomes.Add(Read(ps, server, service, name, make("GET"), "Get-BizstimTestimonial", "Get-BizstimTestimonial", _ => { }, 4));
            outcomes.Add(Read(ps, server, service, name, make("GET"), "Get-BizstimOnDemandLink", "Get-BizstimOnDemandLink -StudentId S-1", _ => { }, 1));
        }

        return outcomes;
    }

    private static (BizstimSandbox Sandbox, VirtualClock Clock) Fresh(PsHost ps, LoopbackSandboxServer server, SwitchableService service, SandboxFault fault)
    {
        var clock = new VirtualClock();
        var sandbox = new BizstimSandbox(BizstimPlan.Enterprise, clock, Key);
        service.Current = new FaultInjectingService(sandbox, clock).Add(fault);
        var run = ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru", ("key", Key), ("uri", server.BaseUri));
        var connection = (BizstimConnection)run.Output.Single().BaseObject;
        connection.Clock = clock;
        connection.RequestTimeout = FaultCatalog.ClientTimeout;
        return (sandbox, clock);
    }

    private static FaultOutcome Import(PsHost ps, LoopbackSandboxServer server, SwitchableService service, string faultName, SandboxFault fault)
    {
        var (sandbox, _) = Fresh(ps, server, service, fault);
        var rows = CsvRows.Documented(5);
        var run = ps.Run("$rows | Import-BizstimClient -BatchSize 3", ("rows", rows));
        var emails = sandbox.Clients.GroupBy(c => c.Email).ToList();
        var results = run.Objects<ImportResult>().ToList();
        int stored = emails.Count;
        int reported = results.Count(r => r.Status != ImportStatus.Imported);
        int lost = rows.Length - stored - reported;
        return new FaultOutcome(faultName, "Import-BizstimClient", rows.Length, stored, emails.Sum(g => g.Count() - 1), Math.Max(0, lost), reported, Describe(results.Select(r => r.Status.ToString())));
    }

    private static FaultOutcome Inquiry(PsHost ps, LoopbackSandboxServer server, SwitchableService service, string faultName, SandboxFault fault)
    {
        var (sandbox, _) = Fresh(ps, server, service, fault);
        var run = ps.Run("Send-BizstimInquiry -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message Hi");
        int stored = sandbox.Inquiries.Count;
        int reported = run.Errors.Count;
        int lost = stored == 0 && reported == 0 ? 1 : 0;
        return new FaultOutcome(faultName, "Send-BizstimInquiry", 1, Math.Min(stored, 1), Math.Max(0, stored - 1), lost, reported, reported > 0 ? "error record" : "sent");
    }

    private static FaultOutcome Read(PsHost ps, LoopbackSandboxServer server, SwitchableService service, string faultName, SandboxFault fault, string label, string script, Action<BizstimSandbox> seed, int expected)
    {
        var (sandbox, _) = Fresh(ps, server, service, fault);
        seed(sandbox);
        var run = ps.Run(script + "");
        int returned = run.Output.Count;
        bool complete = returned == expected && run.Errors.Count == 0;
        bool clearError = run.Errors.Count > 0 && run.Errors.All(e => e.Exception is CrmPS.Core.CrmApiException);
        int lost = complete || clearError ? 0 : 1;
        return new FaultOutcome(faultName, label, 0, returned, 0, lost, run.Errors.Count, complete ? $"all {expected} returned" : clearError ? "clear error" : $"{returned} of {expected}, no error");
    }

    private static string Describe(IEnumerable<string> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"));
}
