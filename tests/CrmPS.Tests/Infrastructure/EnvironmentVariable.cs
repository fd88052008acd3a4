namespace CrmPS.Tests.Infrastructure;

/// <summary>Sets a process environment variable for one test and restores it afterwards.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string _previous;

    public EnvironmentVariable(string name, string value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
