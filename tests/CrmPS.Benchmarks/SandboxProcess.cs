using System.Diagnostics;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;

namespace CrmPS.Benchmarks;

/// <summary>What the server saw since the last reset.</summary>
internal sealed record ServerStats(int Gets, int Posts, int Refused, int MaxPostsPerHour, List<string> GetPaths);

/// <summary>
/// The Bizstim sandbox behind a loopback HTTP server in a child process (this program started with
/// --serve-sandbox). The emulator keeps every imported client and request in memory; running it in
/// its own process keeps that out of the benchmark's heap, so the memory scenario measures the
/// module and the engine alone. Commands go over the child's standard input, one per line.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    public const string ApiKey = "BENCHKEY-0123456789abcdef0123456789abcdef";
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static SandboxProcess Start()
    {
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SandboxProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve-sandbox");
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sandbox process");
        string ready = process.StandardOutput.ReadLine();
        if (ready == null || !ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("the sandbox process did not start: " + ready);
        }

        return new SandboxProcess(process, new Uri(ready.Substring(6)));
    }

    /// <summary>A fresh emulator: the plan, whether it enforces the hourly budget, seeded clients, and latency added to every answer.</summary>
    public void Reset(BizstimPlan plan, bool enforceRateLimits, int seedClients = 0, int latencyMs = 0) =>
        Command($"RESET {plan} {(enforceRateLimits ? 1 : 0)} {seedClients} {latencyMs}");

    public ServerStats Stats() => JsonSerializer.Deserialize<ServerStats>(Command("STATS"));

    public void ClearRequests() => Command("CLEAR");

    /// <summary>One command of the line protocol (RESET ..., STATS, CLEAR) as a pwsh script sends it; the answer without "OK".</summary>
    public string Send(string line) => Command(line);

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("QUIT");
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private string Command(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
        string answer = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the sandbox process ended");
        if (!answer.StartsWith("OK", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the sandbox process answered '{answer}' to '{line}'");
        }

        return answer.Length > 3 ? answer.Substring(3) : string.Empty;
    }

    /// <summary>The child's side: serve until QUIT or the end of standard input.</summary>
    public static async Task<int> ServeAsync()
    {
        var switchable = new SwitchableService();
        BizstimSandbox sandbox = null;
        switchable.Current = sandbox = new BizstimSandbox(BizstimPlan.Enterprise, null, ApiKey);
        await using LoopbackSandboxServer server = await LoopbackSandboxServer.StartAsync(switchable, "/bench");
        Console.Out.WriteLine("READY " + server.BaseUri);
        Console.Out.Flush();
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] words = line.Split(' ');
            switch (words[0])
            {
                case "RESET":
                    switchable.Current = null;
                    sandbox = null;
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    sandbox = new BizstimSandbox(Enum.Parse<BizstimPlan>(words[1]), null, ApiKey) { EnforceRateLimits = words[2] == "1" };
                    sandbox.SeedClients(int.Parse(words[3]));
                    int latency = int.Parse(words[4]);
                    switchable.Current = latency > 0 ? new LatencyService(sandbox, TimeSpan.FromMilliseconds(latency)) : sandbox;
                    Console.Out.WriteLine("OK");
                    break;
                case "CLEAR":
                    sandbox.ClearRequests();
                    Console.Out.WriteLine("OK");
                    break;
                case "STATS":
                    var requests = sandbox.Requests;
                    var posts = requests.Where(r => r.Method == "POST").ToList();
                    var gets = requests.Where(r => r.Method == "GET").ToList();
                    var stats = new ServerStats(
                        gets.Count,
                        posts.Count,
                        posts.Count(r => r.StatusCode < 200 || r.StatusCode > 299),
                        CrmPS.Benchmarks.Stats.MaxInWindow(posts.Select(r => r.ReceivedAt).ToList(), TimeSpan.FromHours(1)),
                        gets.Select(r => r.Path).Take(1000).ToList());
                    Console.Out.WriteLine("OK " + JsonSerializer.Serialize(stats));
                    break;
                case "QUIT":
                    return 0;
                default:
                    Console.Out.WriteLine("ERR unknown command " + words[0]);
                    break;
            }

            Console.Out.Flush();
        }

        return 0;
    }
}
