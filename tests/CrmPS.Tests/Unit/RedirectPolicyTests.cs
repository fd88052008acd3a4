using System.Net.Http;
using System.Security;
using CrmPS.Bizstim;
using CrmPS.Core;

namespace CrmPS.Tests.Unit;

/// <summary>The decision, hop by hop, on whether the choke point follows a redirect (the loopback tests drive it end to end).</summary>
public sealed class RedirectPolicyTests
{
    private static readonly Uri HttpsBase = new("https://api.example.com/prefix/");
    private static readonly Uri HttpsCurrent = new("https://api.example.com/prefix/api/clients");

    [Theory]
    [InlineData("GET", 301, "/prefix/v2/api/clients", "Follow", "https://api.example.com/prefix/v2/api/clients")]
    [InlineData("GET", 302, "v2", "Follow", "https://api.example.com/prefix/api/v2")]
    [InlineData("GET", 303, "https://API.EXAMPLE.COM:443/other", "Follow", "https://api.example.com/other")]
    [InlineData("HEAD", 308, "/x", "Follow", "https://api.example.com/x")]
    [InlineData("GET", 302, "https://api.example.com:8443/x", "OtherOrigin", "https://api.example.com:8443/x")]
    [InlineData("GET", 302, "https://evil.example/x", "OtherOrigin", "https://evil.example/x")]
    [InlineData("GET", 302, "//evil.example/x", "OtherOrigin", "https://evil.example/x")]
    [InlineData("GET", 302, "https://sub.api.example.com/x", "OtherOrigin", "https://sub.api.example.com/x")]
    [InlineData("GET", 302, "ftp://api.example.com/x", "OtherOrigin", "ftp://api.example.com/x")]
    [InlineData("GET", 301, "http://api.example.com/prefix/api/clients", "Downgrade", "http://api.example.com/prefix/api/clients")]
    [InlineData("POST", 307, "http://api.example.com/x", "Downgrade", "http://api.example.com/x")]
    [InlineData("POST", 307, "/prefix/v2/api/clients", "Follow", "https://api.example.com/prefix/v2/api/clients")]
    [InlineData("PUT", 308, "/x", "Follow", "https://api.example.com/x")]
    [InlineData("POST", 307, "https://evil.example/x", "OtherOrigin", "https://evil.example/x")]
    [InlineData("POST", 301, "/x", "WriteNotFollowed", "https://api.example.com/x")]
    [InlineData("POST", 302, "/x", "WriteNotFollowed", "https://api.example.com/x")]
    [InlineData("PUT", 303, "/x", "WriteNotFollowed", "https://api.example.com/x")]
    [InlineData("DELETE", 302, "/x", "WriteNotFollowed", "https://api.example.com/x")]
    public void Decides_by_method_status_and_origin(string method, int status, string location, string verdict, string target)
    {
        var decision = RedirectPolicy.Decide(HttpsBase, new HttpMethod(method), status, HttpsCurrent, new Uri(location, UriKind.RelativeOrAbsolute), 0);

        Assert.Equal(verdict, decision.Verdict.ToString());
        Assert.Equal(target, decision.Target.AbsoluteUri);
    }

    [Theory]
    [InlineData(200, "/x")]
    [InlineData(300, "/x")]
    [InlineData(304, "/x")]
    [InlineData(305, "/x")]
    [InlineData(302, null)]
    public void Other_statuses_and_a_redirect_without_Location_are_answers_not_redirects(int status, string location)
    {
        var decision = RedirectPolicy.Decide(HttpsBase, HttpMethod.Get, status, HttpsCurrent, location == null ? null : new Uri(location, UriKind.Relative), 0);

        Assert.Equal(RedirectVerdict.NotARedirect, decision.Verdict);
    }

    [Fact]
    public void An_http_base_address_does_not_follow_to_https_either_because_that_is_another_origin()
    {
        var httpBase = new Uri("http://127.0.0.1:18801/");

        var decision = RedirectPolicy.Decide(httpBase, HttpMethod.Get, 302, new Uri(httpBase, "api/testimonials"), new Uri("https://127.0.0.1:18801/api/testimonials"), 0);

        Assert.Equal(RedirectVerdict.OtherOrigin, decision.Verdict);
    }

    [Fact]
    public void Localhost_and_127_0_0_1_are_different_origins()
    {
        Assert.False(RedirectPolicy.SameOrigin(new Uri("http://127.0.0.1:18801/"), new Uri("http://localhost:18801/")));
        Assert.True(RedirectPolicy.SameOrigin(new Uri("https://api.example.com/"), new Uri("https://Api.Example.com:443/x")));
    }

    [Fact]
    public void The_sixth_redirect_in_a_row_is_not_followed()
    {
        Assert.Equal(RedirectVerdict.Follow, RedirectPolicy.Decide(HttpsBase, HttpMethod.Get, 302, HttpsCurrent, new Uri("/x", UriKind.Relative), RedirectPolicy.MaxRedirects - 1).Verdict);
        Assert.Equal(RedirectVerdict.TooManyRedirects, RedirectPolicy.Decide(HttpsBase, HttpMethod.Get, 302, HttpsCurrent, new Uri("/x", UriKind.Relative), RedirectPolicy.MaxRedirects).Verdict);
    }

    [Theory]
    [InlineData("POST", 301, true)]
    [InlineData("POST", 302, true)]
    [InlineData("POST", 303, true)]
    [InlineData("PUT", 302, true)]
    [InlineData("POST", 307, false)]
    [InlineData("DELETE", 308, false)]
    [InlineData("GET", 302, false)]
    public void A_write_answered_301_302_or_303_may_have_been_processed_but_not_one_answered_307_or_308(string method, int status, bool mayHaveBeenProcessed)
    {
        Assert.Equal(mayHaveBeenProcessed, RedirectPolicy.MayHaveBeenProcessed(new HttpMethod(method), status));
    }

    [Fact]
    public void A_redirect_address_is_shown_without_user_information_secret_query_values_or_the_key()
    {
        const string key = "TESTKEY-a1b2c3d4e5f60718293a4b5c6d7e8f90";
        var secure = new SecureString();
        foreach (char c in key) secure.AppendChar(c);
        var connection = new BizstimConnection(new Uri("https://api.example.com/"), secure, BizstimPlan.Enterprise, new ConnectionOptions());
        var follower = new RedirectFollower(connection);

        string shown = follower.ShownUrl(new Uri($"https://user:hunter2@evil.example:8443/steal?api_key=abc&echo={key}&page=2"));

        Assert.Equal("https://evil.example:8443/steal?api_key=****&echo=****&page=2", shown);
    }
}
