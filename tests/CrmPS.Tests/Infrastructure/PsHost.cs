using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CrmPS.Tests.Infrastructure;

/// <summary>Everything one pipeline produced, stream by stream.</summary>
public sealed class PsRun
{
    public List<PSObject> Output { get; } = new();
    public List<ErrorRecord> Errors { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<ProgressRecord> Progress { get; } = new();
    public List<string> Information { get; } = new();

    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>Every stream rendered as text, including each error's message, exception chain, target and ToString.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Output.Select(o => o?.ToString() ?? string.Empty));
        foreach (var error in Errors)
        {
            parts.Add(error.ToString());
            parts.Add(error.ErrorDetails?.Message ?? string.Empty);
            parts.Add(Convert.ToString(error.TargetObject, CultureInfo.InvariantCulture) ?? string.Empty);
            for (Exception e = error.Exception; e != null; e = e.InnerException)
            {
                parts.Add(e.ToString());
            }
        }

        parts.AddRange(Warnings);
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Information);
        parts.AddRange(Progress.Select(p => $"{p.Activity} {p.StatusDescription} {p.CurrentOperation}"));
        return string.Join("\n", parts);
    }
}

/// <summary>
/// A PowerShell session hosted in-process (SMA 7.6.9) with the built module imported from
/// out/CrmPS/&lt;version&gt;/; Microsoft.PowerShell.SDK gives it the real Utility and Management cmdlets.
/// </summary>
public sealed class PsHost : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="ownPipelineThread">Run pipelines on the runspace's own thread, so a test can stop one from outside (Ctrl+C).</param>
    public PsHost(bool ownPipelineThread = false)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.ThreadOptions = ownPipelineThread ? PSThreadOptions.ReuseThread : PSThreadOptions.UseCurrentThread;
        _runspace.Open();
        ImportRun = Run("Import-Module -Name $manifest -ErrorAction Stop -PassThru", ("manifest", ModuleAssemblyResolver.ManifestPath));
        if (ImportRun.Errors.Count > 0)
        {
            throw new InvalidOperationException("Import-Module failed: " + ImportRun.Errors[0]);
        }
    }

    public PsRun ImportRun { get; }

    public Runspace Runspace => _runspace;

    /// <summary>Runs a script under the given culture (default: the machine's), collecting every stream; never throws for script errors.</summary>
    public PsRun Run(string script, params (string Name, object Value)[] variables) => RunIn(null, script, variables);

    public PsRun RunIn(CultureInfo culture, string script, params (string Name, object Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        var run = new PsRun();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        ps.Streams.Error.DataAdded += (s, e) => run.Errors.Add(ps.Streams.Error[e.Index]);
        ps.Streams.Warning.DataAdded += (s, e) => run.Warnings.Add(ps.Streams.Warning[e.Index].Message);
        ps.Streams.Verbose.DataAdded += (s, e) => run.Verbose.Add(ps.Streams.Verbose[e.Index].Message);
        ps.Streams.Debug.DataAdded += (s, e) => run.Debug.Add(ps.Streams.Debug[e.Index].Message);
        ps.Streams.Progress.DataAdded += (s, e) => run.Progress.Add(ps.Streams.Progress[e.Index]);
        ps.Streams.Information.DataAdded += (s, e) => run.Information.Add(ps.Streams.Information[e.Index].ToString());
        try
        {
            if (culture != null)
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }

            var output = new PSDataCollection<PSObject>();
            output.DataAdded += (s, e) => run.Output.Add(output[e.Index]);
            ps.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            run.Errors.Add(ex.ErrorRecord);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous.Item1;
            CultureInfo.CurrentUICulture = previous.Item2;
        }

        return run;
    }

    /// <summary>Starts a script without waiting for it; the caller stops or awaits it through the returned PowerShell.</summary>
    public (PowerShell Shell, IAsyncResult Pending) Start(string script, params (string Name, object Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        return (ps, ps.BeginInvoke());
    }

    public void Dispose() => _runspace.Dispose();
}
