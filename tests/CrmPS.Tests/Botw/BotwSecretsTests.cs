using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

/// <summary>
/// Every BOTW CRM cmdlet, succeeding and failing, with -Verbose -Debug: the key shows in no stream; and
/// redirected over loopback HTTP: nothing reaches another origin (checked on the second server's wire),
/// a same-origin redirect still works, and Verbose names the hop.
/// </summary>
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

    private static readonly Dictionary<string, (string Method, string Script)> Cmdlets = new()
    {
        ["Get-BotwContact"] = ("GET", "Get-BotwContact -Email cy@example.com"),
        ["New-BotwContact"] = ("POST", "New-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com"),
        // An existing contact: Set-BotwContact looks it up (GET), then updates it by its id (PUT).
        ["Set-BotwContact"] = ("PUT", "Set-BotwContact -LastName Fox-Lee -Email cy@example.com"),
        ["Remove-BotwContact"] = ("DELETE", "Remove-BotwContact -Email cy@example.com -PassThru -Confirm:$false"),
    };

    public static IEnumerable<object[]> EveryCmdlet => RedirectScene.Cases(Cmdlets.Keys);

    public static IEnumerable<object[]> EveryCmdletToEveryOtherOrigin => RedirectScene.CasesToEveryOtherOrigin(Cmdlets.Keys);

    [Theory]
    [MemberData(nameof(EveryCmdletToEveryOtherOrigin))]
    public async Task A_redirect_to_another_origin_is_refused_and_nothing_reaches_it(string cmdlet, string where)
    {
        Sandbox.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
        string before = Contacts();
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        Uri target = scene.Redirect(where, 307);

        var run = Ps.Run(Cmdlets[cmdlet].Script + " -Verbose");

        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        scene.AssertRefused(run, "Botw", target, 307);
        Assert.Empty(Requests);
        Assert.Equal(before, Contacts());
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [MemberData(nameof(EveryCmdlet))]
    public async Task A_same_origin_307_is_followed_with_the_key_and_Verbose_names_the_hop(string cmdlet)
    {
        Sandbox.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, 307);

        var run = Ps.Run(Cmdlets[cmdlet].Script + " -Verbose");

        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
        Assert.NotEmpty(scene.ReceivedAfterRedirect);
        Assert.All(scene.ReceivedAfterRedirect, r => Assert.Equal("Bearer " + ApiKey, r.Headers["Authorization"]));
        Assert.Equal(cmdlet != "Remove-BotwContact", Sandbox.Contacts.Any(c => c.Email == "cy@example.com"));
        Assert.Equal(cmdlet is "New-BotwContact", Sandbox.Contacts.Any(c => c.Email == "ann@example.com"));
        Assert.Equal(cmdlet is "Set-BotwContact", Sandbox.Contacts.Any(c => c.LastName == "Fox-Lee"));
        scene.AssertVerboseNamesHop(run, Cmdlets[cmdlet].Method, 307);
        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [InlineData("Get-BotwContact", 302)]
    [InlineData("Get-BotwContact", 308)]
    public async Task A_search_follows_a_same_origin_redirect(string cmdlet, int status)
    {
        Sandbox.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, status);

        var run = Ps.Run(Cmdlets[cmdlet].Script + " -Verbose");

        Assert.Empty(run.Errors);
        Assert.Single(run.Output);
        scene.AssertVerboseNamesHop(run, "GET", status);
    }

    [Theory]
    [InlineData("New-BotwContact", 302)]
    [InlineData("Set-BotwContact", 301)]
    [InlineData("Remove-BotwContact", 303)]
    public async Task A_write_answered_301_302_or_303_is_not_followed(string cmdlet, int status)
    {
        Sandbox.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
        string before = Contacts();
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, status);

        var run = Ps.Run(Cmdlets[cmdlet].Script.Replace(" -PassThru", string.Empty) + " -Verbose");

        string method = Cmdlets[cmdlet].Method;
        Assert.Single(scene.Here.Received, r => r.Method == method);
        Assert.DoesNotContain(Requests, r => r.Method == method);
        Assert.Equal(before, Contacts());
        Assert.StartsWith("BotwRedirectNotFollowed", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Contains(run.Verbose, v => v.StartsWith(method + " ", StringComparison.Ordinal)
            && v.Contains($" -> {status} -> ", StringComparison.Ordinal) && v.Contains("not followed (a write is followed only on 307 or 308)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_by_Set_BotwContact_answered_with_a_redirect_it_will_not_follow_is_sent_once_not_retried()
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, 302);

        var run = Ps.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com -Verbose");

        Assert.Single(scene.Here.Received, r => r.Method == "POST");
        Assert.DoesNotContain(Sandbox.Contacts, c => c.Email == "ann@example.com");
        Assert.StartsWith("BotwRedirectNotFollowed", Assert.Single(run.Errors).FullyQualifiedErrorId);
    }

    private string Contacts() => string.Join(";", Sandbox.Contacts.Select(c => $"{c.Id} {c.Email}").OrderBy(x => x, StringComparer.Ordinal));
}
