using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.SandboxHost;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// Redirects and the key, for every Bizstim cmdlet, over loopback HTTP: a redirect to another origin
/// carries nothing there (checked on the second server's wire), a same-origin redirect still works
/// and Verbose names the hop. The streams themselves are checked in ConnectBizstimTests.
/// </summary>
public sealed class BizstimSecretsTests : BizstimTestBase
{
    private const string Inquiry = "Send-BizstimInquiry -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message Hi";

    private static readonly Dictionary<string, (string Method, string Script)> Cmdlets = new()
    {
        ["Get-BizstimClient"] = ("GET", "Get-BizstimClient"),
        ["Get-BizstimSession"] = ("GET", "Get-BizstimSession"),
        ["Get-BizstimTestimonial"] = ("GET", "Get-BizstimTestimonial"),
        ["Get-BizstimOnDemandLink"] = ("GET", "Get-BizstimOnDemandLink -StudentId S-1"),
        ["Send-BizstimInquiry"] = ("POST", Inquiry),
        ["Import-BizstimClient"] = ("POST", "$rows | Import-BizstimClient"),
    };

    public BizstimSecretsTests(BizstimServerFixture server) : base(server)
    {
        Connect();
        Sandbox.SeedClients(3);
    }

    public static IEnumerable<object[]> EveryCmdlet => RedirectScene.Cases(Cmdlets.Keys);

    public static IEnumerable<object[]> EveryCmdletToEveryOtherOrigin => RedirectScene.CasesToEveryOtherOrigin(Cmdlets.Keys);

    [Theory]
    [MemberData(nameof(EveryCmdletToEveryOtherOrigin))]
    public async Task A_redirect_to_another_origin_is_refused_and_the_key_never_reaches_it(string cmdlet, string where)
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        Uri target = scene.Redirect(where, 307);

        var run = Run(cmdlet);

        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        scene.AssertRefused(run, "Bizstim", target, 307);
        Assert.Empty(Sandbox.Requests);
        Assert.Empty(Sandbox.Inquiries);
        Assert.Equal(3, Sandbox.Clients.Count);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [MemberData(nameof(EveryCmdlet))]
    public async Task A_same_origin_redirect_is_followed_with_the_key_and_Verbose_names_the_hop(string cmdlet)
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, 307);

        var run = Run(cmdlet);

        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
        Assert.NotEmpty(scene.ReceivedAfterRedirect);
        Assert.All(scene.ReceivedAfterRedirect, r => Assert.Equal(ApiKey, r.Headers["x-api-key"]));
        Assert.All(Sandbox.Requests, r => Assert.Equal(200, r.StatusCode));
        scene.AssertVerboseNamesHop(run, Cmdlets[cmdlet].Method, 307);
        if (cmdlet == "Import-BizstimClient")
        {
            Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
            Assert.Single(Sandbox.Clients, c => c.Email == "ann1@example.com");
        }

        if (cmdlet == "Send-BizstimInquiry")
        {
            Assert.Single(Sandbox.Inquiries);
        }

        scene.AssertNothingReachedAnotherOrigin(ApiKey);
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(308)]
    public async Task A_read_follows_every_same_origin_redirect_status(int status)
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, status);

        var run = Ps.Run("Get-BizstimTestimonial -Verbose");

        Assert.Empty(run.Errors);
        Assert.Equal(Sandbox.Testimonials.Count, run.Output.Count);
        scene.AssertVerboseNamesHop(run, "GET", status);
    }

    [Theory]
    [InlineData("Send-BizstimInquiry", 302)]
    [InlineData("Send-BizstimInquiry", 303)]
    [InlineData("Import-BizstimClient", 301)]
    public async Task A_write_answered_301_302_or_303_is_not_followed_and_not_sent_again(string cmdlet, int status)
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, status);

        var run = Run(cmdlet);

        Assert.DoesNotContain(scene.ReceivedAfterRedirect, r => r.Method == "POST");
        Assert.Empty(Sandbox.Inquiries);
        Assert.Equal(3, Sandbox.Clients.Count);
        Assert.Contains(run.Errors, e => e.Exception.Message.Contains("only when the server asks for the same request again (307 or 308)", StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.StartsWith("POST ", StringComparison.Ordinal) && v.Contains($" -> {status} -> ", StringComparison.Ordinal)
            && v.Contains("not followed (a write is followed only on 307 or 308)", StringComparison.Ordinal));
        if (cmdlet == "Import-BizstimClient")
        {
            // The server may have stored a batch it answered with 301/302/303: the importer looks the rows up
            // (reads do follow the redirect), may send a row found absent once more, and never reports them imported.
            Assert.Equal(2, run.Objects<ImportResult>().Count());
            Assert.DoesNotContain(run.Objects<ImportResult>(), r => r.Status == ImportStatus.Imported);
        }
        else
        {
            Assert.Single(scene.Here.Received);
            Assert.Contains("may have been stored", Assert.Single(run.Errors).ErrorDetails.Message);
        }
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_hops_without_leaving_the_origin()
    {
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        scene.Redirect(RedirectScene.SameOrigin, 302, loop: true);

        var run = Ps.Run("Get-BizstimTestimonial -Verbose");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("BizstimTooManyRedirects", error.FullyQualifiedErrorId);
        Assert.Contains("more than 5 times", error.Exception.Message);
        Assert.Equal(1 + RedirectPolicy.MaxRedirects, scene.Here.Received.Count);
        Assert.Contains(run.Verbose, v => v.Contains("not followed (more than 5 redirects)", StringComparison.Ordinal));
        Assert.Empty(Sandbox.Requests);
        scene.AssertNothingReachedAnotherOrigin(ApiKey);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_and_the_http_server_receives_nothing()
    {
        using var certificate = LoopbackCertificate();
        var https = new RedirectingService(Sandbox);
        await using var httpsServer = await LoopbackSandboxServer.StartAsync(https, "/crm-prefix", certificate);
        await using var scene = await RedirectScene.StartAsync(Server.Service, Server.BaseUri);
        https.RedirectTo(scene.HereUri, 302);
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        var connection = new BizstimConnection(httpsServer.BaseUri, Secure(ApiKey), BizstimPlan.Enterprise, new ConnectionOptions(), handler);

        var run = Ps.Run("Get-BizstimTestimonial -Connection $c -Verbose", ("c", connection));

        Assert.Equal(ApiKey, Assert.Single(https.Received).Headers["x-api-key"]);
        Assert.Empty(scene.Here.Received);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("BizstimRedirectRefused", error.FullyQualifiedErrorId);
        Assert.Contains("from https to plain http", error.Exception.Message);
        Assert.Contains(RedirectScene.Origin(scene.HereUri), error.Exception.Message);
        Assert.Contains(run.Verbose, v => v.StartsWith($"GET {httpsServer.BaseUri}", StringComparison.Ordinal)
            && v.Contains($" -> 302 -> {scene.HereUri.AbsoluteUri.TrimEnd('/')}/moved/", StringComparison.Ordinal)
            && v.Contains("not followed (https to http; the key was not sent)", StringComparison.Ordinal));
        Assert.DoesNotContain(ApiKey, run.AllText());
    }

    private PsRun Run(string cmdlet) =>
        Ps.Run(Cmdlets[cmdlet].Script + " -Verbose", ("rows", CsvRows.Documented(2)));

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text) secure.AppendChar(c);
        return secure;
    }

    /// <summary>A self-signed certificate for 127.0.0.1, trusted only by the handler built for it.</summary>
    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
