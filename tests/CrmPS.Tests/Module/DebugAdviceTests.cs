using System.Text.RegularExpressions;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// about_CrmPS recommends $DebugPreference = 'Continue' (the -Debug switch makes a compiled cmdlet
/// prompt at every line on Windows PowerShell and older pwsh), and that advice works.
/// </summary>
public sealed class DebugAdviceTests : BizstimTestBase
{
    public DebugAdviceTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void About_CrmPS_recommends_DebugPreference_Continue_not_the_Debug_switch()
    {
        var run = Ps.RunIn(System.Globalization.CultureInfo.GetCultureInfo("en-US"), "Get-Help -Name about_CrmPS");
        string text = string.Join("\n", run.Output.Select(o => o.ToString()));

        Assert.Contains("$DebugPreference = 'Continue'", text);
        Assert.DoesNotMatch(new Regex(@"(?m)^\s*(With|Use|Add) -Debug\b"), text);
    }

    [Fact]
    public void DebugPreference_Continue_shows_the_response_bodies_without_a_prompt()
    {
        Connect();

        var run = Ps.Run("$DebugPreference = 'Continue'; Get-BizstimTestimonial | Out-Null; $DebugPreference = 'SilentlyContinue'");

        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Debug);
        Assert.DoesNotContain(ApiKey, string.Join("\n", run.Debug));
    }
}
