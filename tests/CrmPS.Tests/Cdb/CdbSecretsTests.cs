using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>Every Customer Database App cmdlet, succeeding and failing, with -Verbose -Debug: the key shows in no stream.</summary>
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
}
