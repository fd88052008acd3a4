using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// Runs a script in a runspace of its own and reads its output on this thread with that runspace as the
/// default, as a cmdlet's pipeline thread has it: script properties and type data resolve there.
/// </summary>
internal static class OwnRunspace
{
    /// <summary>A session whose type data gives every PSCustomObject a 'tags' note property ("from-type-data").</summary>
    public static InitialSessionState WithTagsFromTypeData()
    {
        var state = InitialSessionState.CreateDefault2();
        var typeData = new TypeData("System.Management.Automation.PSCustomObject");
        typeData.Members.Add("tags", new NotePropertyData("tags", "from-type-data"));
        state.Types.Add(new SessionStateTypeEntry(typeData, isRemove: false));
        return state;
    }

    public static T Read<T>(InitialSessionState state, string script, Func<Collection<PSObject>, T> read, params (string Name, object Value)[] variables)
    {
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        foreach (var (name, value) in variables)
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        var previous = Runspace.DefaultRunspace;
        Runspace.DefaultRunspace = runspace;
        try
        {
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            return read(shell.AddScript(script).Invoke());
        }
        finally
        {
            Runspace.DefaultRunspace = previous;
        }
    }
}
