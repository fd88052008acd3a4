using CrmPS.Botw;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// A fresh BOTW CRM emulator behind the class's loopback server, a fresh PowerShell session with
/// the module imported, and Connect-Botw -ListingId 123 to the emulator over real HTTP.
/// </summary>
public abstract class BotwTestBase : IClassFixture<BotwServerFixture>, IDisposable
{
    public const string ApiKey = "BOTWKEY-9a8b7c6d5e4f30211203f4e5d6c7b8a9";
    public const int Listing = 123;

    protected BotwTestBase(BotwServerFixture server, bool connect = true)
    {
        Server = server;
        Clock = new VirtualClock();
        Sandbox = new BotwSandbox(Clock, ApiKey);
        Scripted = new ScriptedService(Sandbox);
        Server.Service.Current = Scripted;
        Ps = new PsHost();
        if (connect)
        {
            Connect();
        }
    }

    protected BotwServerFixture Server { get; }

    internal BotwSandbox Sandbox { get; }

    internal ScriptedService Scripted { get; }

    protected PsHost Ps { get; }

    /// <summary>Virtual time for the connection's retry waits and the emulator's timestamps.</summary>
    internal VirtualClock Clock { get; }

    internal BotwConnection Connect(int? listingId = Listing)
    {
        var run = listingId.HasValue
            ? Ps.Run("Connect-Botw -ApiKey $key -BaseUri $uri -ListingId $listing -PassThru", ("key", ApiKey), ("uri", Server.BaseUri), ("listing", listingId.Value))
            : Ps.Run("Connect-Botw -ApiKey $key -BaseUri $uri -PassThru", ("key", ApiKey), ("uri", Server.BaseUri));
        Assert.Empty(run.Errors);
        var connection = Assert.IsType<BotwConnection>(Assert.Single(run.Output).BaseObject);
        connection.Clock = Clock;
        return connection;
    }

    /// <summary>The requests that changed or read contacts, in order (the emulator records every request).</summary>
    internal IReadOnlyList<SandboxRecordedRequest> Requests => Sandbox.Requests;

    public void Dispose() => Ps.Dispose();
}
