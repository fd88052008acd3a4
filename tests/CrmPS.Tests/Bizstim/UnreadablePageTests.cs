using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>An export meets a page it cannot read (issue 11, defect 2): retried like a 503, or stopped with a way to resume.</summary>
public sealed class UnreadablePageTests : BizstimTestBase
{
    private const string SecondPage = "/api/clients/1000/";

    public UnreadablePageTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_page_answered_with_HTML_after_a_503_and_a_reset_is_retried_and_the_export_is_complete()
    {
        Sandbox.SeedClients(1500);
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", PathContains = SecondPage, StatusCode = 503 });
        faults.Add(new SandboxFault(SandboxFaultKind.ResetBeforeProcessing) { Method = "GET", PathContains = SecondPage });
        faults.Add(new SandboxFault(SandboxFaultKind.HtmlBody) { Method = "GET", PathContains = SecondPage });
        Connect();

        var run = Ps.Run("Get-BizstimClient -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(Enumerable.Range(1, 1500), run.Objects<Client>().Select(c => c.Id));
        Assert.Equal(3, faults.FaultsApplied);
        Assert.Contains(run.Verbose, v => v.Contains("failed (Bizstim answered 200 with an HTML page); retry 3 of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_page_is_retried_too()
    {
        Sandbox.SeedClients(1500);
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.TruncatedBody) { Method = "GET", PathContains = SecondPage });
        Connect();

        var run = Ps.Run("Get-BizstimClient -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(1500, run.Objects<Client>().Count());
        Assert.Contains(run.Verbose, v => v.Contains("a body that is not valid JSON (truncated or malformed)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_that_stays_unreadable_stops_the_export_with_how_many_were_written_and_how_to_resume()
    {
        Sandbox.SeedClients(1500);
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.HtmlBody) { Method = "GET", PathContains = SecondPage, Times = 5 });
        Connect();

        var run = Ps.Run("Get-BizstimClient");

        Assert.Equal(1000, run.Objects<Client>().Count());
        var error = Assert.Single(run.Errors);
        Assert.Contains("HTML page", error.ToString());
        Assert.Contains("1000 item(s) were written before this failure", error.ToString());
        Assert.Contains("-Skip 1000 to get the rest", error.ToString());

        var rest = Ps.Run("Get-BizstimClient -Skip 1000");
        Assert.Empty(rest.Errors);
        Assert.Equal(Enumerable.Range(1001, 500), rest.Objects<Client>().Select(c => c.Id));
    }

    [Fact]
    public void A_page_that_comes_back_empty_before_the_total_is_an_error_not_a_short_list()
    {
        Sandbox.SeedClients(1500);
        Server.Service.Current = new EmptyPage(Sandbox, SecondPage);
        Connect();

        var run = Ps.Run("Get-BizstimClient");

        Assert.Equal(1000, run.Objects<Client>().Count());
        var error = Assert.Single(run.Errors);
        Assert.Contains("holds 1500 item(s), but its pages ended early", error.ToString());
        Assert.Contains("-Skip 1000 to get the rest", error.ToString());
    }

    /// <summary>Answers one page with an empty list and the real total, as a server that lost its place would.</summary>
    private sealed class EmptyPage(ISandboxService inner, string path) : ISandboxService
    {
        public SandboxResponse Handle(SandboxRequest request) =>
            request.Path.Contains(path, StringComparison.Ordinal)
                ? SandboxResponse.Json(200, "{\"status\":\"success\",\"total\":\"1500\",\"response\":[]}")
                : inner.Handle(request);
    }
}
