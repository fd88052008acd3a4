namespace CrmPS.Sandbox
{
    /// <summary>An in-process stand-in for a vendor's HTTP API.</summary>
    public interface ISandboxService
    {
        SandboxResponse Handle(SandboxRequest request);
    }
}
