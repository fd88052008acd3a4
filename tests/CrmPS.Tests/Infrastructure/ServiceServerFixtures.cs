using CrmPS.SandboxHost;

namespace CrmPS.Tests.Infrastructure;

/// <summary>One loopback HTTP server per test class serving whichever emulator the test puts behind it, under a path prefix.</summary>
public abstract class SandboxServerFixture : IAsyncLifetime
{
    private readonly string _prefix;

    protected SandboxServerFixture(string prefix)
    {
        _prefix = prefix;
    }

    internal SwitchableService Service { get; } = new();

    public LoopbackSandboxServer Server { get; private set; }

    public Uri BaseUri => Server.BaseUri;

    public async Task InitializeAsync() => Server = await LoopbackSandboxServer.StartAsync(Service, _prefix);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The Customer Database App emulator's server: endpoints resolve under /cdb-prefix/api/...</summary>
public sealed class CdbServerFixture : SandboxServerFixture
{
    public CdbServerFixture()
        : base("/cdb-prefix")
    {
    }
}

/// <summary>The BOTW CRM emulator's server: endpoints resolve under /botw-prefix/crm/{listing}.</summary>
public sealed class BotwServerFixture : SandboxServerFixture
{
    public BotwServerFixture()
        : base("/botw-prefix")
    {
    }
}
