using System.Management.Automation;
using System.Security;
using System.Text.RegularExpressions;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

public sealed class ConnectCdbTests : CdbTestBase
{
    private const string NewCustomer = "New-CdbCustomer -Forename Richard -Surname Hendricks -Email richard@example.com";

    public ConnectCdbTests(CdbServerFixture server) : base(server, connect: false)
    {
    }

    [Fact]
    public void A_plain_string_key_is_sent_only_in_the_Apikey_header_under_the_base_path()
    {
        Connect();

        var run = Ps.Run(NewCustomer);

        Assert.Empty(run.Errors);
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal("/api/customer/add", request.Path);
        Assert.Equal(ApiKey, request.Headers["Apikey"]);
        Assert.Single(request.Headers.Values, v => v.Contains(ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(ApiKey, request.Path + request.Query + request.Body);
    }

    [Fact]
    public void A_SecureString_key_works_too()
    {
        var secure = new SecureString();
        foreach (char c in ApiKey) secure.AppendChar(c);

        var run = Ps.Run($"Connect-Cdb -ApiKey $key -BaseUri $uri; {NewCustomer}", ("key", secure), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Equal(ApiKey, Sandbox.Requests.Single().Headers["Apikey"]);
    }

    [Fact]
    public void The_connection_shows_the_key_masked_in_every_property_and_its_string_form()
    {
        var run = Ps.Run("$c = Connect-Cdb -ApiKey $key -BaseUri $uri -PassThru; $c.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }; \"$c\"", ("key", ApiKey), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Contains("ApiKey=****e1f0", run.Output.Select(o => o.ToString()));
        Assert.Contains(run.Output, o => o.ToString() == "Service=Cdb");
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void Verbose_shows_each_request_and_no_stream_ever_shows_the_key()
    {
        Connect();
        Scripted.FailNext("POST", 500, "text/html", "<html><body>Server Error</body></html>");

        var run = Ps.Run($"{NewCustomer} -Verbose -Debug; {NewCustomer} -Verbose -Debug | New-CdbNote -Text hi -Verbose -Debug");

        Assert.Contains(run.Verbose, v => Regex.IsMatch(v, @"^POST http://127\.0\.0\.1:\d+/cdb-prefix/api/customer/add -> 200 in \d+ ms$"));
        Assert.Contains(run.Verbose, v => v.Contains("/cdb-prefix/api/customer/note/add -> 200", StringComparison.Ordinal));
        Assert.NotEmpty(run.Debug);
        Assert.Equal("CdbApi500", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void A_wrong_key_is_an_authentication_error_that_does_not_echo_the_key()
    {
        var run = Ps.Run($"Connect-Cdb -ApiKey 'wrong-key-wrong-key-wrong-key-0000' -BaseUri $uri; {NewCustomer}", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbApi401", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Invalid API key", error.ToString());
        Assert.DoesNotContain("wrong-key", run.AllText());
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.1.2.3:8080/cdb")]
    public void Plain_http_to_a_non_loopback_host_is_refused(string baseUri)
    {
        var run = Ps.Run("Connect-Cdb -ApiKey $key -BaseUri $uri", ("key", ApiKey), ("uri", baseUri));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbConnectionRefused", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("clear text", error.ToString());
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Fact]
    public void The_default_address_is_the_vendor_account_site_and_a_path_prefix_is_kept()
    {
        var run = Ps.Run("(Connect-Cdb -ApiKey $key -PassThru).BaseUri.AbsoluteUri; (Connect-Cdb -ApiKey $key -BaseUri https://crm.example.com/cdb -PassThru).BaseUri.AbsoluteUri", ("key", ApiKey));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "https://account.customerdatabase.app/", "https://crm.example.com/cdb/" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void The_in_process_sandbox_keeps_its_data_for_the_session_and_each_session_has_its_own()
    {
        var first = Ps.Run($"Connect-Cdb -Sandbox; ({NewCustomer}).CustomerId");
        var again = Ps.Run($"Connect-Cdb -Sandbox; ({NewCustomer}).CustomerId");
        using var other = new PsHost();
        var otherSession = other.Run($"Connect-Cdb -Sandbox; ({NewCustomer}).CustomerId");

        Assert.Empty(first.Errors);
        Assert.Equal("10428", first.Output.Single().ToString());
        Assert.Equal("10429", again.Output.Single().ToString());
        Assert.Equal("10428", otherSession.Output.Single().ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Connection_lets_one_script_use_the_sandbox_and_a_server_side_by_side()
    {
        var run = Ps.Run($@"
            $remote = Connect-Cdb -ApiKey $key -BaseUri $uri -PassThru
            Connect-Cdb -Sandbox
            {NewCustomer} -Connection $remote | Out-Null
            {NewCustomer} | Out-Null", ("key", ApiKey), ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Single(Sandbox.Customers);
    }
}

/// <summary>Tests that change the process environment: one class, so they never run in parallel with each other.</summary>
public sealed class CdbEnvironmentTests : CdbTestBase
{
    public CdbEnvironmentTests(CdbServerFixture server) : base(server, connect: false)
    {
    }

    [Fact]
    public void Without_a_connection_or_environment_key_a_cmdlet_says_to_run_Connect_Cdb_and_sends_nothing()
    {
        using var _ = new EnvironmentVariable("CDB_API_KEY", null);

        var run = Ps.Run("New-CdbNote -CustomerId 1 -Text hi");

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbNotConnected", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Run Connect-Cdb", error.ToString());
        Assert.Contains("CDB_API_KEY", error.ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Connect_without_a_key_uses_CDB_API_KEY()
    {
        using var _ = new EnvironmentVariable("CDB_API_KEY", "  " + ApiKey + " ");

        var run = Ps.Run("Connect-Cdb -BaseUri $uri; New-CdbCustomer -Forename A -Surname B -Email a@example.com", ("uri", Server.BaseUri));

        Assert.Empty(run.Errors);
        Assert.Equal(ApiKey, Sandbox.Requests.Single().Headers["Apikey"]);
    }

    [Fact]
    public void Connect_with_neither_key_nor_environment_variable_is_a_clear_error()
    {
        using var _ = new EnvironmentVariable("CDB_API_KEY", null);

        var run = Ps.Run("Connect-Cdb -BaseUri $uri", ("uri", Server.BaseUri));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbApiKeyMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("No Customer Database App API key", error.ToString());
        Assert.Contains("CDB_API_KEY", error.ToString());
    }
}
