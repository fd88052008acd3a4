using CrmPS.Bizstim;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// A fresh emulator behind the class's loopback server, a fresh PowerShell session with the
/// module imported, and a connection to the emulator over real HTTP as the session default.
/// </summary>
public abstract class BizstimTestBase : IClassFixture<BizstimServerFixture>, IDisposable
{
    public const string ApiKey = "TESTKEY-a1b2c3d4e5f60718293a4b5c6d7e8f90";

    protected BizstimTestBase(BizstimServerFixture server)
    {
        Server = server;
        Clock = new VirtualClock();
        Sandbox = NewSandbox(BizstimPlan.Enterprise);
        Ps = new PsHost();
    }

    protected BizstimServerFixture Server { get; }

    internal VirtualClock Clock { get; }

    internal BizstimSandbox Sandbox { get; private set; }

    protected PsHost Ps { get; }

    internal BizstimSandbox NewSandbox(BizstimPlan plan)
    {
        Sandbox = new BizstimSandbox(plan, Clock, ApiKey);
        Server.Service.Current = Sandbox;
        return Sandbox;
    }

    /// <summary>Puts a fault injector in front of the current emulator; faults added to it apply to the next matching requests.</summary>
    internal FaultInjectingService InjectFaults()
    {
        var faults = new FaultInjectingService(Sandbox, Clock);
        Server.Service.Current = faults;
        return faults;
    }

    /// <summary>Connect-Bizstim over loopback HTTP with the virtual clock; returns the connection object.</summary>
    internal BizstimConnection Connect(string plan = "Enterprise")
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan $plan -PassThru", ("key", ApiKey), ("uri", Server.BaseUri), ("plan", plan));
        Assert.Empty(run.Errors);
        var connection = Assert.IsType<BizstimConnection>(Assert.Single(run.Output).BaseObject);
        connection.Clock = Clock;
        return connection;
    }

    public void Dispose() => Ps.Dispose();
}
