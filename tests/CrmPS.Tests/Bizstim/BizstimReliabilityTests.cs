using System.Management.Automation;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class BizstimReliabilityTests : BizstimTestBase
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public BizstimReliabilityTests(BizstimServerFixture server, Xunit.Abstractions.ITestOutputHelper output) : base(server)
    {
        _output = output;
    }

    [Fact]
    public void A_read_is_retried_with_backoff_on_transient_failures_and_each_retry_is_a_verbose_line()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", StatusCode = 503, Times = 2 });
        Connect();

        var run = Ps.Run("Get-BizstimTestimonial -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(4, run.Output.Count);
        var retries = run.Verbose.Where(v => v.Contains("retry", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("answered 503", retries[0]);
        Assert.Contains("retry 1 of 4", retries[0]);
        Assert.Equal(2, Clock.Waits.Count);
        Assert.InRange(Clock.Waits[0].TotalSeconds, 0.5, 1.0);
        Assert.InRange(Clock.Waits[1].TotalSeconds, 1.0, 2.0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Retry_After_is_honoured_in_seconds_and_as_an_http_date(bool asDate)
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(42), RetryAfterAsDate = asDate });
        Connect();

        var run = Ps.Run("Get-BizstimClient");

        Assert.Empty(run.Errors);
        Assert.InRange(Assert.Single(Clock.Waits).TotalSeconds, 41, 42);
    }

    [Fact]
    public void The_retry_budget_is_set_on_the_connection_and_the_last_failure_is_reported()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", StatusCode = 502, Times = 10 });
        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -MaxRetry 1 -PassThru | Out-Null; Get-BizstimSession -Id 1135", ("key", ApiKey), ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Contains("502", error.ToString());
        Assert.Contains("The upstream server did not respond.", error.ToString());
        Assert.Equal(2, faults.FaultsApplied);
    }

    [Fact]
    public void A_post_refused_with_Retry_After_is_sent_again_but_one_that_may_have_landed_is_not()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "POST", StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(5) });
        Connect();

        var refused = Ps.Run("Send-BizstimInquiry -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message 'First'");
        faults.Add(new SandboxFault(SandboxFaultKind.StatusAfterCommit) { Method = "POST", StatusCode = 502 });
        var ambiguous = Ps.Run("Send-BizstimInquiry -FirstName Bob -LastName Ray -City Milton -State Ontario -Country Canada -Email bob@example.com -Message 'Second'");

        Assert.Equal("ann@example.com", Assert.Single(refused.Objects<InquiryResult>()).Email);
        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(Clock.Waits));
        Assert.Empty(ambiguous.Output);
        var error = Assert.Single(ambiguous.Errors);
        Assert.Contains("502", error.ToString());
        Assert.Contains("may have been stored although no clear answer came back; CrmPS did not send it again", error.ToString());
        Assert.Equal(new[] { "ann@example.com", "bob@example.com" }, Sandbox.Inquiries.Select(i => i.Email));
        Assert.Equal(2, Sandbox.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public void A_post_that_provably_never_left_is_retried()
    {
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}/");
        var run = Ps.Run("$c = Connect-Bizstim -ApiKey $key -BaseUri $uri -MaxRetry 2 -PassThru; Send-BizstimInquiry -Connection $c -FirstName Ann -LastName Lee -City M -State O -Country C -Email a@example.com -Message Hi -Verbose",
            ("key", ApiKey), ("uri", closedPort));

        var error = Assert.Single(run.Errors);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(2, run.Verbose.Count(v => v.Contains("retry", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("StatusAfterCommit", true)]
    [InlineData("ResetAfterCommit", true)]
    [InlineData("HtmlBody", true)]
    [InlineData("TruncatedBody", true)]
    [InlineData("DelayAfterCommit", true)]
    [InlineData("Status", false)]
    [InlineData("ResetBeforeProcessing", false)]
    public void An_ambiguous_import_reply_never_loses_or_duplicates_a_row(string kind, bool committed)
    {
        var connection = Connect();
        var fault = new SandboxFault(Enum.Parse<SandboxFaultKind>(kind)) { Method = "POST", StatusCode = 502, Delay = TimeSpan.FromSeconds(10) };
        if (fault.Kind == SandboxFaultKind.DelayAfterCommit)
        {
            connection.RequestTimeout = TimeSpan.FromSeconds(1);
        }

        InjectFaults().Add(fault);
        var rows = CsvRows.Documented(5);

        var run = Ps.Run("$rows | Import-BizstimClient -BatchSize 3", ("rows", rows));

        Assert.True(run.Errors.Count == 0, string.Join("\n", run.Objects<ImportResult>().Select(r => r.Message)));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"ann{i}@example.com"), Sandbox.Clients.Select(c => c.Email).OrderBy(e => e));
        Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(committed ? new[] { 1, 1, 1, 2, 2 } : new[] { 2, 2, 2, 3, 3 }, run.Objects<ImportResult>().Select(r => r.Batch));
        Assert.Equal(5, Sandbox.Clients.Count);
    }

    [Fact]
    public void Rows_without_an_e_mail_in_an_ambiguous_batch_are_told_apart_from_an_older_namesake_and_sent_again_when_absent()
    {
        Connect();
        var names = new[] { "first name", "last name", "state", "country", "status" };
        var absent = CsvRows.Make(names, "No", "Mail", "Ontario", "Canada", "active");
        var namesake = CsvRows.Make(names, "Same", "Name", "Ontario", "Canada", "active");
        Sandbox.AddClient(new SandboxClient { FirstName = "Same", LastName = "Name", State = "Ohio", Country = "USA" });
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "POST", StatusCode = 503 });

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", new[] { absent, namesake }));

        Assert.Empty(run.Errors);
        Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(new[] { "Same", "No", "Same" }, Sandbox.Clients.Select(c => c.FirstName));
        Assert.Equal(new[] { "Ohio", "Ontario", "Ontario" }, Sandbox.Clients.Select(c => c.State));
    }

    [Fact]
    public void A_resumed_import_skips_settled_rows_and_sends_the_rest()
    {
        Connect();
        string checkpoint = TempFile();
        var rows = CsvRows.Documented(10);

        var first = Ps.Run("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", rows.Take(6).ToArray()), ("cp", checkpoint));
        var second = Ps.Run("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", rows), ("cp", checkpoint));

        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Equal(10, Sandbox.Clients.Count);
        Assert.Equal(10, Sandbox.Clients.Select(c => c.Email).Distinct().Count());
        var results = second.Objects<ImportResult>().ToList();
        Assert.All(results, r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.All(results.Take(6), r => Assert.Contains("earlier run", r.Message));
        Assert.DoesNotContain(ApiKey, File.ReadAllText(checkpoint));
        Assert.DoesNotContain("ann1@example.com", File.ReadAllText(checkpoint));
    }

    [Fact]
    public void A_checkpoint_made_for_another_input_is_refused_before_anything_is_sent()
    {
        Connect();
        string checkpoint = TempFile();
        Ps.Run("$rows | Import-BizstimClient -CheckpointPath $cp", ("rows", CsvRows.Documented(3)), ("cp", checkpoint));
        Sandbox.ClearRequests();
        var other = new[] { CsvRows.Make(CsvRows.HeaderNames("labels"), CsvRows.Values("Zed", "Other")) };

        var run = Ps.Run("$rows | Import-BizstimClient -CheckpointPath $cp", ("rows", other), ("cp", checkpoint));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimCheckpointMismatch", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("made for another input", error.ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Ctrl_C_stops_an_import_in_flight_and_the_resumed_run_verifies_the_batch_it_left_behind()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.DelayAfterCommit) { Method = "POST", Delay = TimeSpan.FromSeconds(60), PathContains = "/api/clients" });
        using var reached = new ManualResetEventSlim();
        faults.FaultApplying += (_, _) => reached.Set();
        using var ps = new PsHost(ownPipelineThread: true);
        var connectRun = ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru", ("key", ApiKey), ("uri", Server.BaseUri));
        ((BizstimConnection)connectRun.Output.Single().BaseObject).Clock = Clock;
        string checkpoint = TempFile();
        var rows = CsvRows.Documented(6);

        var (shell, pending) = ps.Start("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", rows), ("cp", checkpoint));
        Assert.True(reached.Wait(TimeSpan.FromSeconds(20)), "the import never reached the server");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        stopwatch.Stop();
        _output.WriteLine($"Stop() returned after {stopwatch.ElapsedMilliseconds} ms with the request in flight.");

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(pending.IsCompleted);
        shell.Dispose();
        using (var saved = JsonDocument.Parse(File.ReadAllText(checkpoint)))
        {
            Assert.Equal(new long[] { 1, 2, 3 }, saved.RootElement.GetProperty("inFlight").EnumerateArray().Select(r => r.GetProperty("row").GetInt64()));
        }

        Assert.Equal(3, Sandbox.Clients.Count);
        var resumed = ps.Run("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", rows), ("cp", checkpoint));

        Assert.Empty(resumed.Errors);
        Assert.All(resumed.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(6, Sandbox.Clients.Count);
        Assert.Equal(6, Sandbox.Clients.Select(c => c.Email).Distinct().Count());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"Stop took {stopwatch.Elapsed}");
    }

    [Fact]
    public void A_spent_hour_wait_is_cancelled_by_Ctrl_C()
    {
        NewSandbox(BizstimPlan.Trial);
        using var ps = new PsHost(ownPipelineThread: true);
        var blocking = new BlockingClock();
        var connectRun = ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Trial -PassThru", ("key", ApiKey), ("uri", Server.BaseUri));
        ((BizstimConnection)connectRun.Output.Single().BaseObject).Clock = blocking;

        var (shell, _) = ps.Start("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(31)));
        Assert.True(blocking.Waiting.Wait(TimeSpan.FromSeconds(20)), "the import never waited for the budget");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        _output.WriteLine($"Stop() returned after {stopwatch.ElapsedMilliseconds} ms during the rate-limit wait.");

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Equal(30, Sandbox.Clients.Count);
        shell.Dispose();
    }

    [Theory]
    [InlineData("HtmlBody", "HTML page")]
    [InlineData("TruncatedBody", "not valid JSON")]
    [InlineData("HugeBody", "refuses responses that large")]
    public void Malformed_read_replies_are_clear_errors(string kind, string expected)
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(Enum.Parse<SandboxFaultKind>(kind)) { Method = "GET", Times = 10 });
        Sandbox.SeedClients(3);
        Connect();

        var run = Ps.Run("Get-BizstimClient; Get-BizstimClient -Id 1");

        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Contains(expected, e.ToString()));
        Assert.All(run.Errors, e => Assert.IsType<CrmPS.Core.CrmApiException>(e.Exception));
    }

    [Fact]
    public void No_stream_of_any_Bizstim_cmdlet_shows_the_key_in_success_or_failure()
    {
        Sandbox.SeedClients(3);
        var faults = InjectFaults();
        string everything = @"
            Get-BizstimClient -Verbose -Debug; Get-BizstimClient -Id 1, 999 -Verbose -Debug; Get-BizstimClient -Email nobody@example.com -Verbose -Debug
            Import-BizstimClient -FirstName A -LastName B -State S -Country C -Status active -Verbose -Debug
            Import-BizstimClient -FirstName A -LastName '' -State S -Country C -Status wrong -Verbose -Debug
            Send-BizstimInquiry -FirstName A -LastName B -City C -State S -Country C -Email bad-address -Message M -Verbose -Debug
            Send-BizstimInquiry -FirstName A -LastName B -City C -State S -Country C -Email a@example.com -Message M -Verbose -Debug
            Get-BizstimSession -First 2 -Verbose -Debug; Get-BizstimSession -Id 1 -Verbose -Debug
            Get-BizstimTestimonial -Verbose -Debug
            Get-BizstimOnDemandLink -StudentId S1 -Verbose -Debug
            $c = Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru -Verbose; $c; ""$c""; $c.ApiKey";
        Connect();

        var ok = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { StatusCode = 500, Times = 1000 });
        var failing = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        var wrongKey = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri; Get-BizstimTestimonial -Verbose -Debug", ("key", ApiKey + "x"), ("uri", Server.BaseUri));

        Assert.NotEmpty(ok.Verbose);
        Assert.NotEmpty(failing.Errors);
        Assert.NotEmpty(wrongKey.Errors);
        foreach (var run in new[] { ok, failing, wrongKey })
        {
            Assert.DoesNotContain(ApiKey, run.AllText());
        }
    }

    [Fact]
    public void A_key_with_a_line_break_is_refused()
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey \"abc`r`nX-Evil: 1\" -BaseUri $uri", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Contains("line break", error.ToString());
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"crmps-checkpoint-{Guid.NewGuid():N}.json");
}
