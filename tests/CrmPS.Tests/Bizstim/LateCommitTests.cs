using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// A slow server that stores a batch after the client gave up on it (issue 11, defect 1). The
/// client's timeout is real (1 s, over loopback HTTP); the settle period (twice the timeout: 2 s),
/// the looks inside it and the moment the server commits run on the virtual clock, so "the commit
/// lands between the second and third look" is exact and costs no real time.
/// </summary>
public sealed class LateCommitTests : BizstimTestBase
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(1);

    public LateCommitTests(BizstimServerFixture server) : base(server)
    {
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.5)]
    public void A_batch_committed_within_the_settle_period_is_found_and_never_sent_again(double commitAfterSeconds)
    {
        var faults = SlowServer(TimeSpan.FromSeconds(commitAfterSeconds));

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(10)));

        Assert.Empty(run.Errors);
        Assert.Equal(10, Sandbox.Clients.Count);
        Assert.Equal(1, Sandbox.Requests.Count(r => r.Method == "POST"));
        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), results.Select(r => r.Row));
        Assert.All(results, r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(Sandbox.Clients.Select(c => c.Id), results.Select(r => Assert.Single(r.ClientIds)));
        Assert.Contains(run.Warnings, w => w.Contains("Bizstim may still be storing it", StringComparison.Ordinal));
        Assert.Equal(0, faults.LateCommitsPending);
        Assert.True(Clock.TotalWaited <= Connection.SettlePeriod, $"waited {Clock.TotalWaited}");
    }

    [Fact]
    public void A_batch_committed_after_the_settle_period_is_reported_Duplicated_with_both_ids_never_Imported()
    {
        SlowServer(TimeSpan.FromSeconds(3));

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(10)));

        Assert.Equal(20, Sandbox.Clients.Count);
        Assert.Equal(2, Sandbox.Requests.Count(r => r.Method == "POST"));
        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.Equal(ImportStatus.Duplicated, r.Status));
        foreach (var result in results)
        {
            var copies = Sandbox.Clients.Where(c => c.Email == result.Email).Select(c => c.Id).OrderBy(id => id);
            Assert.Equal(copies, result.ClientIds.OrderBy(id => id));
            Assert.Contains("2 times", result.Message);
        }

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimImportDuplicated", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("rows 1-10", error.ToString());
    }

    [Fact]
    public void A_commit_after_the_final_check_cannot_be_seen_and_each_row_sent_twice_says_so()
    {
        var faults = SlowServer(TimeSpan.FromHours(1));

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(3)));

        Assert.Empty(run.Errors);
        Assert.Equal(3, Sandbox.Clients.Count);
        Assert.All(run.Objects<ImportResult>(), r =>
        {
            Assert.Equal(ImportStatus.Imported, r.Status);
            Assert.Contains("Sent twice", r.Message);
            Assert.Contains("If Bizstim still commits the first send later, the client will exist twice", r.Message);
        });
        Assert.Equal(TimeSpan.FromSeconds(4), Clock.TotalWaited);
        Assert.Equal(1, faults.LateCommitsPending);
    }

    [Fact]
    public void A_row_whose_resend_also_went_unanswered_is_still_checked_for_the_first_send_landing_late()
    {
        var faults = SlowServer(TimeSpan.FromSeconds(3));
        faults.Add(new SandboxFault(SandboxFaultKind.LateCommit) { Method = "POST", Delay = TimeSpan.FromMinutes(1), CommitAfter = TimeSpan.FromSeconds(0.5) });

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(2)));

        Assert.Equal(4, Sandbox.Clients.Count);
        Assert.Equal(2, Sandbox.Requests.Count(r => r.Method == "POST"));
        Assert.All(run.Objects<ImportResult>(), r =>
        {
            Assert.Equal(ImportStatus.Duplicated, r.Status);
            Assert.Equal(2, r.ClientIds.Length);
        });
        Assert.Equal("BizstimImportDuplicated", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void The_settle_period_is_twice_the_timeout_unless_set_with_SettleSec()
    {
        var run = Ps.Run("(Connect-Bizstim -Sandbox -TimeoutSec 7 -PassThru).SettlePeriod; (Connect-Bizstim -Sandbox -TimeoutSec 7 -SettleSec 30 -PassThru).SettlePeriod");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { TimeSpan.FromSeconds(14), TimeSpan.FromSeconds(30) }, run.Objects<TimeSpan>());
    }

    private BizstimConnection Connection { get; set; }

    /// <summary>The first POST is held past the client's timeout and stored <paramref name="commitAfter"/> after it arrived.</summary>
    private FaultInjectingService SlowServer(TimeSpan commitAfter)
    {
        Connection = Connect();
        Connection.RequestTimeout = ClientTimeout;
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.LateCommit) { Method = "POST", Delay = TimeSpan.FromMinutes(1), CommitAfter = commitAfter });
        return faults;
    }
}
