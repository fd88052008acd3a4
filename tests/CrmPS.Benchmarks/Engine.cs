using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CrmPS.Benchmarks;

/// <summary>
/// A PowerShell session hosted in-process (Microsoft.PowerShell.SDK 7.6.9, with the real Utility
/// cmdlets), with the built module imported. Pipelines run on the calling thread. Only the scenarios
/// that need this process's hands on the connection use it: export paging (time to the first object)
/// and Trial pacing (a virtual clock); the import scenarios run in a pwsh child process.
/// </summary>
internal sealed class Engine : IDisposable
{
    private readonly Runspace _runspace;

    public Engine(bool importModule = true)
    {
        _runspace = RunspaceFactory.CreateRunspace(NewSessionState());
        _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
        _runspace.Open();
        if (importModule)
        {
            Run("Import-Module -Name $manifest -ErrorAction Stop", ("manifest", ModuleAssemblyResolver.ManifestPath));
        }
    }

    public static InitialSessionState NewSessionState()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Receive-BenchOutput", typeof(ReceiveBenchOutputCommand), null));
        return state;
    }

    /// <summary>Runs a script; throws when it wrote an error, so a broken scenario never reports a figure.</summary>
    public Collection<PSObject> Run(string script, params (string Name, object Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output = ps.Invoke();
        if (ps.HadErrors || ps.Streams.Error.Count > 0)
        {
            string first = ps.Streams.Error.Count > 0 ? ps.Streams.Error[0].ToString() : "(no error record)";
            throw new InvalidOperationException($"The script failed with {ps.Streams.Error.Count} error(s); the first: {first}\nScript: {script}");
        }

        return output;
    }

    /// <summary>Runs a script and times it.</summary>
    public TimeSpan Time(string script, params (string Name, object Value)[] variables)
    {
        var watch = Stopwatch.StartNew();
        Run(script, variables);
        return watch.Elapsed;
    }

    public void Dispose() => _runspace.Dispose();
}
