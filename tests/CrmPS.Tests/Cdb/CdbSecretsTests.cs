using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>
/// Every Customer Database App cmdlet, succeeding and failing, with -Verbose -Debug: the key shows in no
/// stream; and redirected over loopback HTTP: the key never reaches another origin (checked on the second
/// server's wire), a same-origin 307 still works, and Verbose names the hop.
/// </summary>
public sealed class CdbSecretsTests : CdbTestBase
{
    public CdbSecretsTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void No_stream_of_any_Cdb_cmdlet_shows_the_key_in_success_or_failure()
    {
        int customer = ExistingCustomer();
        string everything = $@"
            $c = New-CdbCustomer -Forename Ann -Surname Lee -Email 'ann@example.com; ann@example.org' -Phone 0127 -CustomField @{{ 'f-4bc9a801-f63d-4b9c-b527-a0cbe902828b' = 'Blue' }} -Verbose -Debug
            New-CdbCustomer -Forename '' -Surname Lee -Email bad -Verbose -Debug
            $p = New-CdbPipeline -CustomerId {customer} -Reference R-1 -PipelineTypeId 1 -Verbose -Debug
            New-CdbNote -CustomerId {customer} -Text 'Called' -Verbose -Debug
            New-CdbNote -PipelineId 1337 -Text 'Quote sent' -Verbose -Debug
            New-CdbEvent -CustomerId {customer} -Name Visit -Start ([datetime]'2026-12-01T09:00') -End ([datetime]'2026-12-01T10:00') -AttendeeId 50 -AttendeeUserId 1 -Verbose -Debug
            New-CdbEvent -CustomerId {customer} -Name Backwards -Start ([datetime]'2026-12-01T10:00') -End ([datetime]'2026-12-01T09:00') -Verbose -Debug
            New-CdbTask -CustomerId {customer} -Name 'Send quote' -DueDate ([datetime]'2026-12-03') -UserId 1 -Verbose -Debug
            New-CdbTask -PipelineId 1337 -Name 'Follow up' -DueDate ([datetime]'2026-12-04') -Verbose -Debug
            $k = Connect-Cdb -ApiKey $key -BaseUri $uri -PassThru -Verbose; $k; ""$k""; $k.ApiKey";

        var ok = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        var faults = new FaultInjectingService(Sandbox, Clock);
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { StatusCode = 500, Times = 1000 });
        Server.Service.Current = faults;
        var failing = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        var wrongKey = Ps.Run($"Connect-Cdb -ApiKey $key -BaseUri $uri; New-CdbNote -CustomerId {customer} -Text x -Verbose -Debug", ("key", ApiKey + "x"), ("uri", Server.BaseUri));

        Assert.NotEmpty(ok.Verbose);
        Assert.NotEmpty(ok.Debug);
        Assert.True(failing.Errors.Count >= 7, $"{failing.Errors.Count} errors");
        Assert.NotEmpty(wrongKey.Errors);
        foreach (var run in new[] { ok, failing, wrongKey })
        {
            Assert.DoesNotContain(ApiKey, run.AllText());
        }
    }

    private static readonly Dictionary<string, string> Cmdlets = new()
    {
        ["New-CdbCustomer"] = "New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com",
        ["New-CdbPipeline"] = "New-CdbPipeline -CustomerId $parent -Reference R-1 -PipelineTypeId 1",
        ["New-CdbNote"] = "New-CdbNote -CustomerId $parent -Text 'Called back'",
        ["New-CdbEvent"] = "New-CdbEvent -CustomerId $parent -Name Visit -Start ([datetime]'2026-12-01T09:00') -End ([datetime]'2026-12-01T10:00')",
        ["New-CdbTask"] = "New-CdbTask -CustomerId $parent -Name 'Send quote' -DueDate ([datetime]'2026-12-03')",
    };

    public static IEnumerable<object[]> EveryCmdlet => RedirectScene.Cases(Cmdlets.Keys);

    public static IEnumerable<object[]> EveryCmdletToEveryOtherOrigin => RedirectScene.CasesToEveryOtherOrigin(Cmdlets.Keys);

    [Theory]
    [MemberData(nameof(EveryCmdletToEveryOtherOrigin))]
    public async Task A_redirect_to_another_origin_is_refused_and_the_key_never_reaches_it(string cmdlet, string where)
    {
        int parent = ExistingCustomer();
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        Uri target = scene.Redirect(where, 307);

        var run = Ps.Run(Cmdlets[cmdlet] + " -Verbose", ("parent", parent));

        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        scene.AssertRefused(run, "Cdb", target, 307);
        Assert.Empty(Sandbox.Requests);
        Assert.Equal(1, Stored());
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [MemberData(nameof(EveryCmdlet))]
    public async Task A_same_origin_307_is_followed_with_the_key_and_Verbose_names_the_hop(string cmdlet)
    {
        int parent = ExistingCustomer();
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, 307);

        var run = Ps.Run(Cmdlets[cmdlet] + " -Verbose", ("parent", parent));

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        Assert.Equal(2, Stored());
        var replayed = Assert.Single(scene.ReceivedAfterRedirect);
        Assert.Equal(ApiKey, replayed.Headers["Apikey"]);
        Assert.Equal(Assert.Single(scene.Here.Received, r => r != replayed).Body, replayed.Body);
        scene.AssertVerboseNamesHop(run, "POST", 307);
        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [InlineData("New-CdbCustomer", 302)]
    [InlineData("New-CdbNote", 303)]
    [InlineData("New-CdbTask", 301)]
    public async Task A_write_answered_301_302_or_303_is_not_followed_nor_sent_again_and_reported_as_maybe_stored(string cmdlet, int status)
    {
        int parent = ExistingCustomer();
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, status);

        var run = Ps.Run(Cmdlets[cmdlet] + " -Verbose", ("parent", parent));

        Assert.Single(scene.Here.Received);
        Assert.Empty(Sandbox.Requests);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("CdbRedirectNotFollowed", error.FullyQualifiedErrorId);
        Assert.Contains("may have been stored", error.ErrorDetails.Message);
        Assert.Contains(run.Verbose, v => v.Contains($" -> {status} -> ", StringComparison.Ordinal) && v.Contains("not followed (a write is followed only on 307 or 308)", StringComparison.Ordinal));
    }

    private int Stored() => Sandbox.Customers.Count + Sandbox.Pipelines.Count + Sandbox.Notes.Count + Sandbox.Events.Count + Sandbox.Tasks.Count;
}
