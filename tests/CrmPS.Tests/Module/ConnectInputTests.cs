using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>What the three Connect-* cmdlets say when the key, the address or the proxy settings are wrong.</summary>
public sealed class ConnectInputTests : IDisposable
{
    private readonly PsHost _ps = new();

    public static TheoryData<string, string, string> Services => new()
    {
        { "Bizstim", "Bizstim", "BIZSTIM_API_KEY" },
        { "Cdb", "Customer Database App", "CDB_API_KEY" },
        { "Botw", "BOTW CRM", "BOTW_API_KEY" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void An_unset_variable_given_to_ApiKey_is_reported_as_a_missing_key_with_how_to_give_it(string service, string displayName, string variable)
    {
        var run = _ps.Run($"Connect-{service} -ApiKey $env:CRMPS_TEST_VARIABLE_NEVER_SET -BaseUri https://crm.example.com/");

        var error = Assert.Single(run.Errors);
        Assert.Equal($"{service}ApiKeyMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        string message = error.Exception.Message;
        Assert.StartsWith($"The {displayName} API key given to -ApiKey is empty: the variable passed to it is probably not set (for example $env:{variable} in a new shell).", message);
        Assert.Contains($"Connect-{service} -Sandbox", message);
        Assert.DoesNotContain("SecureString.", message.Split('(')[0]);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Credentials_in_BaseUri_are_refused_and_never_shown(string service, string displayName, string variable)
    {
        _ = displayName;
        _ = variable;
        var run = _ps.Run($"Connect-{service} -ApiKey k-1234567890 -BaseUri 'https://ann:s3cr3t-pw@crm.example.com/api/' -PassThru");

        var error = Assert.Single(run.Errors);
        Assert.Equal($"{service}ConnectionRefused", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("must not carry a user name or password (https://crm.example.com/api/ was given with one, not shown)", error.Exception.Message);
        Assert.Empty(run.Output);
        Assert.DoesNotContain("s3cr3t-pw", run.AllText());
        Assert.DoesNotContain("ann:", run.AllText());
        Assert.DoesNotContain("s3cr3t-pw", _ps.Run("$Error | Out-String -Width 200; $Error[0].TargetObject").AllText());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void ProxyCredential_without_Proxy_is_refused(string service, string displayName, string variable)
    {
        _ = displayName;
        _ = variable;
        var password = new System.Security.SecureString();
        password.AppendChar('p');
        var credential = new System.Management.Automation.PSCredential("proxyuser", password);

        var run = _ps.Run($"Connect-{service} -ApiKey k-1234567890 -BaseUri https://crm.example.com/ -ProxyCredential $cred -PassThru", ("cred", credential));

        var error = Assert.Single(run.Errors);
        Assert.Equal($"{service}ProxyCredentialWithoutProxy", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("-ProxyCredential was given without -Proxy", error.Exception.Message);
        Assert.Empty(run.Output);
    }

    public void Dispose() => _ps.Dispose();
}
