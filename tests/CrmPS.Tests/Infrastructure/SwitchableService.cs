using CrmPS.Sandbox;

namespace CrmPS.Tests.Infrastructure;

/// <summary>Lets one loopback server (started once per test class) serve a fresh emulator for each test.</summary>
internal sealed class SwitchableService : ISandboxService
{
    public ISandboxService Current { get; set; }

    public SandboxResponse Handle(SandboxRequest request) => Current.Handle(request);
}
