using System.Management.Automation;
using System.Security;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class ConnectBizstimTests : BizstimTestBase
{
    public ConnectBizstimTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_plain_string_key_is_accepted_and_sent_only_in_the_x_api_key_header()
    {
        Connect();

        var run = Ps.Run("Get-BizstimTestimonial | Out-Null; Import-BizstimClient -FirstName A -LastName B -State S -Country C -Status active");

        Assert.Empty(run.Errors);
        Assert.All(Sandbox.Requests, r =>
        {
            Assert.Equal(ApiKey, r.Headers["x-api-key"]);
            Assert.DoesNotContain(ApiKey, r.Path + r.Query + r.Body);
            Assert.Single(r.Headers.Values, v => v.Contains(ApiKey, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_SecureString_key_works_too()
    {
        var secure = new SecureString();
        foreach (char c in ApiKey) secure.AppendChar(c);

        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri; Get-BizstimTestimonial", ("key", secure), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
    }

    [Fact]
    public void The_connection_shows_the_key_masked()
    {
        var connection = Connect();

        Assert.Equal("****8f90", connection.ApiKey);
        Assert.DoesNotContain(ApiKey, connection.ToString());
        var run = Ps.Run("$c = Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru; $c | Format-List | Out-String; \"$c\"", ("key", ApiKey), ("uri", Server.BaseUri));
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void Verbose_and_debug_streams_show_each_request_and_never_the_key()
    {
        Connect();

        var run = Ps.Run("Get-BizstimClient -Verbose -Debug; Get-BizstimClient -Id 12345 -Verbose -Debug; Import-BizstimClient -FirstName A -LastName B -State S -Country C -Status active -Verbose -Debug");

        Assert.Contains(run.Verbose, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^GET http://127\.0\.0\.1:\d+/crm-prefix/api/clients/0/1000 -> 200 in \d+ ms$"));
        Assert.Contains(run.Verbose, v => v.StartsWith("POST http://127.0.0.1:", StringComparison.Ordinal) && v.Contains("/crm-prefix/api/clients -> 200"));
        Assert.NotEmpty(run.Debug);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void A_wrong_key_fails_with_the_server_message_and_without_echoing_the_key()
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey 'wrong-key-wrong-key-wrong-key-wrong-key' -BaseUri $uri; Get-BizstimTestimonial", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("403", error.ToString());
        Assert.Contains("Invalid API key", error.ToString());
        Assert.DoesNotContain("wrong-key", run.AllText());
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.1.2.3:8080/prefix")]
    [InlineData("http://127.0.0.1.example.com")]
    public void Plain_http_to_a_non_loopback_host_is_refused(string baseUri)
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri", ("key", ApiKey), ("uri", baseUri));

        var error = Assert.Single(run.Errors);
        Assert.Contains("clear text", error.ToString());
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/prefix", "http://127.0.0.1:8080/prefix/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    [InlineData("http://[::1]:8080/a/b/", "http://[::1]:8080/a/b/")]
    [InlineData("https://crm.example.com/bizstim", "https://crm.example.com/bizstim/")]
    public void Loopback_http_and_any_https_address_are_accepted_with_their_path_prefix(string baseUri, string expected)
    {
        var run = Ps.Run("(Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru).BaseUri.AbsoluteUri", ("key", ApiKey), ("uri", baseUri));

        Assert.Empty(run.Errors);
        Assert.Equal(expected, run.Output.Single().ToString());
    }

    [Fact]
    public void The_default_base_address_is_the_vendor_site_and_the_default_plan_Enterprise()
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey $key -PassThru", ("key", ApiKey));

        var connection = Assert.IsType<BizstimConnection>(run.Output.Single().BaseObject);
        Assert.Equal("https://www.bizstim.com/", connection.BaseUri.AbsoluteUri);
        Assert.Equal(BizstimPlan.Enterprise, connection.Plan);
        Assert.Equal(1000, connection.MaxClientsPerOperation);
    }

    [Fact]
    public void Connection_lets_one_script_talk_to_two_accounts()
    {
        Connect();
        Sandbox.AddClient("Remote", "Client", "remote@example.com");

        var run = Ps.Run(@"
            $remote = Connect-Bizstim -ApiKey $key -BaseUri $uri -PassThru
            $rehearsal = Connect-Bizstim -Sandbox -PassThru
            Import-BizstimClient -Connection $rehearsal -FirstName Local -LastName Only -State S -Country C -Status active | Out-Null
            (Get-BizstimClient -Connection $remote).FirstName
            (Get-BizstimClient).FirstName", ("key", ApiKey), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Remote", "Local" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void The_sandbox_keeps_its_data_for_the_session_and_each_session_has_its_own()
    {
        var first = Ps.Run("Connect-Bizstim -Sandbox; Import-BizstimClient -FirstName Kept -LastName Row -State S -Country C -Status active | Out-Null");
        var later = Ps.Run("Connect-Bizstim -Sandbox; (Get-BizstimClient).FirstName");
        using var other = new PsHost();
        var otherSession = other.Run("Connect-Bizstim -Sandbox; @(Get-BizstimClient).Count");

        Assert.Empty(first.Errors);
        Assert.Equal("Kept", later.Output.Single().ToString());
        Assert.Equal("0", otherSession.Output.Single().ToString());
    }
}

/// <summary>Tests that read or change the process environment: kept in one class so they never run in parallel with each other.</summary>
public sealed class BizstimEnvironmentTests : BizstimTestBase
{
    public BizstimEnvironmentTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Without_a_connection_or_environment_key_a_cmdlet_says_to_run_Connect_Bizstim()
    {
        using var _ = new EnvironmentVariable("BIZSTIM_API_KEY", null);

        var run = Ps.Run("Get-BizstimClient");

        var error = Assert.Single(run.Errors);
        Assert.Contains("Run Connect-Bizstim", error.ToString());
        Assert.Equal("BizstimNotConnected", error.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void Connect_without_a_key_uses_the_environment_variable()
    {
        using var _ = new EnvironmentVariable("BIZSTIM_API_KEY", ApiKey);

        var run = Ps.Run("Connect-Bizstim -BaseUri $uri; Get-BizstimTestimonial", ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Equal(ApiKey, Sandbox.Requests.Single().Headers["x-api-key"]);
    }

    [Fact]
    public void Connect_with_neither_key_nor_environment_variable_is_a_clear_error()
    {
        using var _ = new EnvironmentVariable("BIZSTIM_API_KEY", null);

        var run = Ps.Run("Connect-Bizstim -BaseUri $uri", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Contains("No Bizstim API key", error.ToString());
        Assert.Contains("BIZSTIM_API_KEY", error.ToString());
    }
}
