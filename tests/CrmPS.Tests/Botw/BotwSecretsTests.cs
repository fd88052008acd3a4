using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

/// <summary>Every BOTW CRM cmdlet, succeeding and failing, with -Verbose -Debug: the key shows in no stream.</summary>
public sealed class BotwSecretsTests : BotwTestBase
{
    public BotwSecretsTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void No_stream_of_any_Botw_cmdlet_shows_the_key_in_success_or_failure()
    {
        Sandbox.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
        string everything = @"
            Get-BotwContact -Email cy@example.com -Verbose -Debug; Get-BotwContact -Id 999999 -Verbose -Debug; Get-BotwContact -Name Nobody -Verbose -Debug
            New-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com -PassThru -Verbose -Debug
            New-BotwContact -FirstName NoContact -Verbose -Debug
            Set-BotwContact -Email ann@example.com -Phone 15551112222 -PassThru -Verbose -Debug
            Get-BotwContact -Email cy@example.com | Remove-BotwContact -Confirm:$false -Verbose -Debug
            Remove-BotwContact -Email nobody@example.com -Confirm:$false -Verbose -Debug
            $k = Connect-Botw -ApiKey $key -BaseUri $uri -ListingId 123 -PassThru -Verbose; $k; ""$k""; $k.ApiKey";

        var ok = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        var faults = new FaultInjectingService(Sandbox, Clock);
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { StatusCode = 500, Times = 1000 });
        Server.Service.Current = faults;
        var failing = Ps.Run(everything, ("key", ApiKey), ("uri", Server.BaseUri));
        var wrongKey = Ps.Run("Connect-Botw -ApiKey $key -BaseUri $uri -ListingId 123; Get-BotwContact -Email a@example.com -Verbose -Debug", ("key", ApiKey + "x"), ("uri", Server.BaseUri));

        Assert.NotEmpty(ok.Verbose);
        Assert.NotEmpty(ok.Debug);
        Assert.True(failing.Errors.Count >= 5, $"{failing.Errors.Count} errors");
        Assert.NotEmpty(wrongKey.Errors);
        foreach (var run in new[] { ok, failing, wrongKey })
        {
            Assert.DoesNotContain(ApiKey, run.AllText());
        }
    }
}
