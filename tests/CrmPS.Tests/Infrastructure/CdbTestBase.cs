using CrmPS.Cdb;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// A fresh Customer Database App emulator behind the class's loopback server, a fresh PowerShell
/// session with the module imported, and Connect-Cdb to the emulator over real HTTP.
/// </summary>
public abstract class CdbTestBase : IClassFixture<CdbServerFixture>, IDisposable
{
    public const string ApiKey = "CDBKEY-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    protected CdbTestBase(CdbServerFixture server, bool connect = true)
    {
        Server = server;
        Clock = new VirtualClock();
        Sandbox = new CdbSandbox(Clock, ApiKey);
        Scripted = new ScriptedService(Sandbox);
        Server.Service.Current = Scripted;
        Ps = new PsHost();
        if (connect)
        {
            Connect();
        }
    }

    protected CdbServerFixture Server { get; }

    internal CdbSandbox Sandbox { get; }

    /// <summary>In front of the emulator: lets a test answer chosen requests with a scripted reply.</summary>
    internal ScriptedService Scripted { get; }

    protected PsHost Ps { get; }

    /// <summary>Virtual time for the connection's retry waits and the emulator's timestamps.</summary>
    internal VirtualClock Clock { get; }

    internal CdbConnection Connect()
    {
        var run = Ps.Run("Connect-Cdb -ApiKey $key -BaseUri $uri -PassThru", ("key", ApiKey), ("uri", Server.BaseUri));
        Assert.Empty(run.Errors);
        var connection = Assert.IsType<CdbConnection>(Assert.Single(run.Output).BaseObject);
        connection.Clock = Clock;
        return connection;
    }

    /// <summary>A customer stored directly in the emulator, for tests that start from an existing customer.</summary>
    internal int ExistingCustomer(string forename = "Richard", string surname = "Hendricks", string email = "richard@example.com") =>
        Sandbox.AddCustomer(forename, surname, email).Id;

    public void Dispose() => Ps.Dispose();
}
