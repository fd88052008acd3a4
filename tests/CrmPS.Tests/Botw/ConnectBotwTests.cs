using System.Management.Automation;
using System.Text.RegularExpressions;
using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

public sealed class ConnectBotwTests : BotwTestBase
{
    public ConnectBotwTests(BotwServerFixture server) : base(server, connect: false)
    {
    }

    [Fact]
    public void The_key_goes_only_in_a_Bearer_header_and_the_listing_of_Connect_Botw_is_the_default()
    {
        Connect(listingId: 123);

        var run = Ps.Run("Get-BotwContact -Email johndoe@example.com; New-BotwContact -Email ann@example.com");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "GET /crm/123", "POST /crm/123" }, Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(Requests, r =>
        {
            Assert.Equal("Bearer " + ApiKey, r.Headers["Authorization"]);
            Assert.Single(r.Headers.Values, v => v.Contains(ApiKey, StringComparison.Ordinal));
            Assert.DoesNotContain(ApiKey, r.Path + r.Query + r.Body);
        });
    }

    [Fact]
    public void ListingId_on_a_cmdlet_overrides_the_default()
    {
        Connect(listingId: 123);
        Sandbox.AddContact(456, "Ann", "Lee", "ann@example.com", null);

        var run = Ps.Run("Get-BotwContact -Email ann@example.com -ListingId 456");

        Assert.Empty(run.Errors);
        Assert.Equal("/crm/456", Requests.Single().Path);
        Assert.Equal(456, Assert.Single(run.Objects<Contact>()).ListingId);
    }

    [Fact]
    public void Without_a_listing_anywhere_the_cmdlet_stops_with_a_clear_error_and_sends_nothing()
    {
        Connect(listingId: null);

        var run = Ps.Run("New-BotwContact -Email ann@example.com");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwListingIdMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("pass -ListingId, or set a default with Connect-Botw -ListingId", error.ToString());
        Assert.Empty(Requests);
    }

    [Fact]
    public void The_connection_shows_the_key_masked_and_the_default_listing()
    {
        var run = Ps.Run("$c = Connect-Botw -ApiKey $key -BaseUri $uri -ListingId 77 -PassThru; $c.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }; \"$c\"", ("key", ApiKey), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("ApiKey=****b8a9", lines);
        Assert.Contains("ListingId=77", lines);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void Verbose_and_debug_show_each_request_and_no_stream_ever_shows_the_key()
    {
        Connect();
        Scripted.FailNext("POST", 500, "text/plain", "upstream exploded");

        var run = Ps.Run(@"
            Get-BotwContact -Email johndoe@example.com -Verbose -Debug | Out-Null
            Get-BotwContact -Email nobody@example.com -Verbose -Debug
            New-BotwContact -Email spam@example.com -Verbose -Debug
            New-BotwContact -Email ann@example.com -Verbose -Debug
            Set-BotwContact -Email ann@example.com -FirstName Ann -PassThru -Verbose -Debug | Out-Null
            Remove-BotwContact -Email ann@example.com -Confirm:$false -Verbose -Debug");

        Assert.Contains(run.Verbose, v => Regex.IsMatch(v, @"^GET http://127\.0\.0\.1:\d+/botw-prefix/crm/123\?email=johndoe%40example\.com -> 200 in \d+ ms$"));
        Assert.Contains(run.Verbose, v => v.Contains("/botw-prefix/crm/123 -> 202", StringComparison.Ordinal));
        Assert.NotEmpty(run.Debug);
        Assert.Equal(new[] { "BotwApi500" }, run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void A_wrong_key_is_refused_with_403_and_the_key_is_not_echoed()
    {
        var run = Ps.Run("Connect-Botw -ApiKey 'wrong-key-wrong-key-wrong-key-0000' -BaseUri $uri -ListingId 123; Get-BotwContact -Id 1", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwApi403", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("Invalid API key", error.ToString());
        Assert.DoesNotContain("wrong-key", run.AllText());
    }

    [Fact]
    public void Plain_http_to_a_non_loopback_host_is_refused_and_the_default_address_is_the_vendor_api()
    {
        var refused = Ps.Run("Connect-Botw -ApiKey $key -BaseUri http://api.botw.org", ("key", ApiKey));
        var defaults = Ps.Run("(Connect-Botw -ApiKey $key -PassThru).BaseUri.AbsoluteUri", ("key", ApiKey));

        Assert.Equal("BotwConnectionRefused", Assert.Single(refused.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("https://api.botw.org/", defaults.Output.Single().ToString());
    }

    [Fact]
    public void The_in_process_sandbox_starts_with_the_documented_example_contact_and_keeps_what_is_added()
    {
        var run = Ps.Run(@"
            Connect-Botw -Sandbox -ListingId 123
            (Get-BotwContact -Email johndoe@example.com).FirstName
            New-BotwContact -FirstName Ann -Email ann@example.com | Out-Null
            (Get-BotwContact -Name Ann).Email");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "John", "ann@example.com" }, run.Output.Select(o => o.ToString()));
        Assert.Empty(Requests);
    }
}

/// <summary>Tests that change the process environment: one class, so they never run in parallel with each other.</summary>
public sealed class BotwEnvironmentTests : BotwTestBase
{
    public BotwEnvironmentTests(BotwServerFixture server) : base(server, connect: false)
    {
    }

    [Fact]
    public void Without_a_connection_or_environment_key_a_cmdlet_says_to_run_Connect_Botw()
    {
        using var _ = new EnvironmentVariable("BOTW_API_KEY", null);

        var run = Ps.Run("Get-BotwContact -Id 1 -ListingId 123");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwNotConnected", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Run Connect-Botw", error.ToString());
        Assert.Contains("BOTW_API_KEY", error.ToString());
    }

    [Fact]
    public void A_cmdlet_without_a_connection_uses_BOTW_API_KEY_with_the_vendor_address()
    {
        using var _ = new EnvironmentVariable("BOTW_API_KEY", ApiKey);

        var run = Ps.Run("New-BotwContact -Email ann@example.com -ListingId 123 -WhatIf -Verbose");

        Assert.Empty(run.Errors);
        Assert.Contains(run.Verbose, v => v.Contains("$env:BOTW_API_KEY", StringComparison.Ordinal) && v.Contains("https://api.botw.org/ (no default listing)", StringComparison.Ordinal));
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void Connect_without_a_key_uses_BOTW_API_KEY()
    {
        using var _ = new EnvironmentVariable("BOTW_API_KEY", ApiKey);

        var run = Ps.Run("Connect-Botw -BaseUri $uri -ListingId 123; Get-BotwContact -Id 1 | Out-Null", ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Equal("Bearer " + ApiKey, Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public void Connect_with_neither_key_nor_environment_variable_is_a_clear_error()
    {
        using var _ = new EnvironmentVariable("BOTW_API_KEY", null);

        var run = Ps.Run("Connect-Botw -ListingId 123");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwApiKeyMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("BOTW_API_KEY", error.ToString());
    }
}
