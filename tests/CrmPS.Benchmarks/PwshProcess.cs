using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CrmPS.Benchmarks;

/// <summary>
/// Runs one of the benchmark's scripts (Scripts/*.ps1) in the real shell: `dotnet pwsh` 7.6.9 from
/// the repository's tool manifest, a child process with no profile. The script times itself with
/// [Diagnostics.Stopwatch] and talks to this process over its standard streams, one line each way:
/// it writes "SERVER &lt;command&gt;" and reads the answer ("OK ..." or "ERR ..."), which lets it reset
/// the sandbox, read what the sandbox received and have L measured here between its own
/// measurements, all outside its timings. Its figures come back as one "RESULT &lt;json&gt;" line.
/// </summary>
internal static class PwshProcess
{
    /// <summary>Echo each step the script announces (--verbose).</summary>
    public static bool Verbose { get; set; }

    public static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "Scripts");

    /// <summary>Runs the script to its end; throws when it fails, so a broken scenario never reports a figure.</summary>
    public static Dictionary<string, JsonElement> Run(string script, Func<string, string> server, params (string Name, string Value)[] parameters)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ModuleAssemblyResolver.RepoRoot,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(ScriptsDirectory, script) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in parameters)
        {
            start.ArgumentList.Add("-" + name);
            start.ArgumentList.Add(value);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet pwsh");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        Dictionary<string, JsonElement> result = null;
        var output = new StringBuilder();
        string line;
        while ((line = process.StandardOutput.ReadLine()) != null)
        {
            if (line.StartsWith("SERVER ", StringComparison.Ordinal))
            {
                string answer;
                try
                {
                    answer = "OK " + server(line.Substring(7));
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is HttpRequestException)
                {
                    answer = "ERR " + ex.Message.Replace('\n', ' ');
                }

                process.StandardInput.WriteLine(answer);
                process.StandardInput.Flush();
            }
            else if (line.StartsWith("STEP ", StringComparison.Ordinal))
            {
                if (Verbose)
                {
                    Console.WriteLine($"    [{DateTime.UtcNow:HH:mm:ss}] {script}: {line.Substring(5)}");
                }
            }
            else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line.Substring(7));
            }
            else
            {
                output.AppendLine(line);
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || result == null)
        {
            throw new InvalidOperationException($"{script} failed in pwsh (exit code {process.ExitCode}):\n{output}\n{errors}");
        }

        return result;
    }

    public static double Number(this Dictionary<string, JsonElement> result, string name) =>
        result.TryGetValue(name, out JsonElement value) ? value.GetDouble() : throw new InvalidOperationException($"the pwsh result has no '{name}'");

    public static double[] Numbers(this Dictionary<string, JsonElement> result, string name) =>
        result.TryGetValue(name, out JsonElement value)
            ? (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetDouble()).ToArray() : new[] { value.GetDouble() })
            : throw new InvalidOperationException($"the pwsh result has no '{name}'");

    public static string Text(this Dictionary<string, JsonElement> result, string name) =>
        result.TryGetValue(name, out JsonElement value) ? value.ToString() : null;
}
