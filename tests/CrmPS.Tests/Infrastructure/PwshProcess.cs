using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmPS.Tests.Infrastructure;

/// <summary>What a pwsh child process printed and how it ended.</summary>
public sealed record PwshResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output split into lines, without the console's colour sequences.</summary>
    public IReadOnlyList<string> Lines => StandardOutput.Replace("\r\n", "\n").Split('\n');
}

/// <summary>
/// Runs the real shell, PowerShell 7.6.9 from the repository's tool manifest (<c>dotnet pwsh</c>),
/// as a child process: what the README tells a user to type, not a hosted engine.
/// </summary>
public static class PwshProcess
{
    private static readonly Lazy<string> ToolRestore = new(RestoreTools);
    private static readonly Regex ConsoleSequence = new(@"\x1b\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);

    /// <summary>Runs <c>dotnet pwsh -NoProfile -NonInteractive</c> with the given arguments from the repository root.</summary>
    public static PwshResult Run(IEnumerable<string> arguments, IDictionary<string, string> environment = null, TimeSpan? timeout = null)
    {
        string restore = ToolRestore.Value;
        if (restore != null)
        {
            throw new InvalidOperationException("dotnet tool restore failed, so pwsh 7.6.9 is not available: " + restore);
        }

        var start = Dotnet("pwsh", "-NoProfile", "-NonInteractive");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain text, as a log file or a scheduled task sees it.
        start.Environment["NO_COLOR"] = "1";
        if (environment != null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var result = Execute(start, timeout ?? TimeSpan.FromMinutes(3));
        return result with { StandardOutput = ConsoleSequence.Replace(result.StandardOutput, string.Empty) };
    }

    /// <summary>Runs a script file with its parameters, as <c>dotnet pwsh -File script -Name value ...</c>.</summary>
    public static PwshResult RunFile(string scriptPath, params string[] scriptArguments) =>
        Run(new[] { "-File", scriptPath }.Concat(scriptArguments));

    /// <summary>Runs a command line, as <c>dotnet pwsh -Command "..."</c>.</summary>
    public static PwshResult RunCommand(string command, IDictionary<string, string> environment = null) =>
        Run(new[] { "-Command", command }, environment);

    private static string RestoreTools()
    {
        // Cheap when the tool is already in the NuGet cache; lets `dotnet test` run on its own.
        var result = Execute(Dotnet("tool", "restore"), TimeSpan.FromMinutes(5));
        return result.ExitCode == 0 ? null : result.StandardOutput + result.StandardError;
    }

    private static ProcessStartInfo Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ModuleAssemblyResolver.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static PwshResult Execute(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }

        return new PwshResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
