using CrmPS.SandboxHost;

namespace CrmPS.Tests.Infrastructure;

/// <summary>One loopback HTTP server per test class, under a path prefix so prefix handling is always exercised.</summary>
public sealed class BizstimServerFixture : IAsyncLifetime
{
    internal SwitchableService Service { get; } = new();

    public LoopbackSandboxServer Server { get; private set; }

    public Uri BaseUri => Server.BaseUri;

    public async Task InitializeAsync() => Server = await LoopbackSandboxServer.StartAsync(Service, "/crm-prefix");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
