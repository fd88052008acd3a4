using CrmPS.Sandbox;
using CrmPS.SandboxHost;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// Redirects on the wire. The class's server answers through <see cref="Here"/>; a second loopback
/// server on another port answers through <see cref="Elsewhere"/> and serves the same emulator, so a
/// client that followed a redirect there with the key would succeed, and be seen doing it.
/// </summary>
internal sealed class RedirectScene : IAsyncDisposable
{
    public const string OtherPort = "another port";
    public const string OtherHostName = "another host name";
    public const string SameOrigin = "same origin";

    private readonly LoopbackSandboxServer _elsewhereServer;

    private RedirectScene(RedirectingService here, Uri hereUri, RedirectingService elsewhere, LoopbackSandboxServer elsewhereServer)
    {
        Here = here;
        HereUri = hereUri;
        Elsewhere = elsewhere;
        _elsewhereServer = elsewhereServer;
    }

    /// <summary>In front of the emulator on the class's server (the connection's base address).</summary>
    public RedirectingService Here { get; }

    public Uri HereUri { get; }

    /// <summary>In front of the same emulator on a second server: another port of 127.0.0.1.</summary>
    public RedirectingService Elsewhere { get; }

    public Uri ElsewhereUri => _elsewhereServer.BaseUri;

    /// <summary>Theory rows: one per cmdlet.</summary>
    public static IEnumerable<object[]> Cases(IEnumerable<string> cmdlets) => cmdlets.Select(c => new object[] { c });

    /// <summary>Theory rows: each cmdlet redirected to another port, and to another host name of the same server.</summary>
    public static IEnumerable<object[]> CasesToEveryOtherOrigin(IEnumerable<string> cmdlets) =>
        from cmdlet in cmdlets
        from destination in new[] { OtherPort, OtherHostName }
        select new object[] { cmdlet, destination };

    /// <summary>Puts the scene in front of whatever the class's server serves now.</summary>
    public static async Task<RedirectScene> StartAsync(SwitchableService slot, Uri hereUri)
    {
        var emulator = slot.Current;
        var elsewhere = new RedirectingService(emulator);
        var server = await LoopbackSandboxServer.StartAsync(elsewhere, hereUri.AbsolutePath);
        var here = new RedirectingService(emulator);
        slot.Current = here;
        return new RedirectScene(here, hereUri, elsewhere, server);
    }

    /// <summary>Where a redirect points: the class's own server, the second server, or the class's server under the name localhost.</summary>
    public Uri Target(string where) => where switch
    {
        SameOrigin => HereUri,
        OtherPort => ElsewhereUri,
        OtherHostName => new UriBuilder(HereUri) { Host = "localhost" }.Uri,
        _ => throw new ArgumentOutOfRangeException(nameof(where)),
    };

    /// <summary>Redirects every request that reaches the class's server to <paramref name="where"/>.</summary>
    public Uri Redirect(string where, int status, bool loop = false)
    {
        Uri target = Target(where);
        Here.RedirectTo(target, status, loop);
        return target;
    }

    /// <summary>What reached another origin on the wire: anything the second server got, and anything the class's server got addressed to another host.</summary>
    public IReadOnlyList<SandboxRequest> ReceivedByAnotherOrigin =>
        Elsewhere.Received.Concat(Here.Received.Where(r => !string.Equals(Host(r), HereUri.Authority, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The requests that reached the class's server at the address its redirects point to.</summary>
    public IReadOnlyList<SandboxRequest> ReceivedAfterRedirect =>
        Here.Received.Where(r => r.Path.StartsWith(RedirectingService.Moved + "/", StringComparison.Ordinal)).ToList();

    /// <summary>Nothing, and above all no key, reached another origin.</summary>
    public void AssertNothingReachedAnotherOrigin(string apiKey)
    {
        var leaked = ReceivedByAnotherOrigin;
        Assert.True(leaked.Count == 0, "Another origin received: " + string.Join("; ", leaked.Select(r =>
            $"{r.Method} {Host(r)}{r.Path} with headers {string.Join(", ", r.Headers.Keys)}"
            + (r.Headers.Values.Any(v => v.Contains(apiKey, StringComparison.Ordinal)) ? " CARRYING THE KEY" : string.Empty))));
        Assert.DoesNotContain(leaked, r => r.Headers.Values.Any(v => v.Contains(apiKey, StringComparison.Ordinal)));
    }

    /// <summary>The cmdlet reported the refused redirect, naming both origins, and Verbose named the hop.</summary>
    public void AssertRefused(PsRun run, string service, Uri target, int status)
    {
        // The refusal itself, or an error of the cmdlet's that wraps it (Import-BizstimClient: "nothing was sent: ...").
        var error = Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith(service + "RedirectRefused", StringComparison.Ordinal)
            || (e.Exception.InnerException is global::CrmPS.Core.CrmApiException inner && inner.ErrorId == service + "RedirectRefused"));
        string message = error.Exception.Message;
        Assert.Contains(Origin(HereUri), message);
        Assert.Contains(Origin(target), message);
        Assert.Contains("the API key was not sent there", message);
        Assert.Contains(run.Verbose, v => v.Contains($" -> {status} -> {target.AbsoluteUri.TrimEnd('/')}{RedirectingService.Moved}/", StringComparison.Ordinal)
            && v.Contains("not followed (another origin; the key was not sent)", StringComparison.Ordinal));
    }

    /// <summary>A Verbose line "METHOD url -> status -> url/moved/... -> 2xx in N ms".</summary>
    public void AssertVerboseNamesHop(PsRun run, string method, int status)
    {
        string from = HereUri.AbsoluteUri;
        string to = HereUri.AbsoluteUri.TrimEnd('/') + RedirectingService.Moved + "/";
        Assert.Contains(run.Verbose, v => System.Text.RegularExpressions.Regex.IsMatch(
            v,
            $"^{method} {System.Text.RegularExpressions.Regex.Escape(from)}\\S* -> {status} -> {System.Text.RegularExpressions.Regex.Escape(to)}\\S* -> 2\\d\\d in \\d+ ms$"));
    }

    public static string Origin(Uri uri) => uri.Scheme + "://" + uri.Authority;

    private static string Host(SandboxRequest request) => request.Headers.TryGetValue("Host", out string host) ? host : string.Empty;

    public async ValueTask DisposeAsync() => await _elsewhereServer.DisposeAsync();
}
