# Shared by the benchmark's pwsh scripts (dot-sourced after Import-Module CrmPS). The benchmark
# process (tests/CrmPS.Benchmarks, PwshProcess.cs) answers the "SERVER" lines on standard input.
$ErrorActionPreference = 'Stop'
# Progress is not drawn (standard output is a pipe to the benchmark); the cmdlets still report it.
$ProgressPreference = 'SilentlyContinue'

function Invoke-BenchServer([string] $Command) {
    [Console]::Out.WriteLine("SERVER $Command")
    [Console]::Out.Flush()
    $answer = [Console]::In.ReadLine()
    if ($null -eq $answer -or -not $answer.StartsWith('OK')) { throw "The benchmark answered '$answer' to '$Command'." }
    $answer.Substring([Math]::Min(3, $answer.Length))
}

# Where the script is, for the benchmark's console (a run that hangs shows its last step).
function Write-BenchStep([string] $Step) {
    [Console]::Out.WriteLine("STEP $Step")
    [Console]::Out.Flush()
}

function Reset-BenchServer([int] $LatencyMs = 0, [switch] $EnforceRateLimits) {
    $null = Invoke-BenchServer "RESET Enterprise $([int][bool]$EnforceRateLimits) 0 $LatencyMs"
}

# What the sandbox received since its last reset.
function Get-BenchServerStats { Invoke-BenchServer 'STATS' | ConvertFrom-Json }

# Throws unless the sandbox received exactly $Posts imports, none refused, and the sink saw $Rows objects, all imported.
function Assert-BenchRun([string] $What, [long] $Rows, [long] $Posts) {
    $stats = Get-BenchServerStats
    $sink = [ReceiveBenchOutputCommand]
    if ($sink::Count -ne $Rows -or $sink::NotImported -ne 0 -or $stats.Posts -ne $Posts -or $stats.Refused -ne 0) {
        throw "Benchmark check failed: $What wrote $($sink::Count) of $Rows results ($($sink::NotImported) not imported); the server saw $($stats.Posts) of $Posts imports, $($stats.Refused) refused."
    }
    $stats
}

function Measure-BenchSeconds([scriptblock] $Block) {
    Write-BenchStep "$Block".Trim()
    [ReceiveBenchOutputCommand]::Reset()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    . $Block
    $watch.Elapsed.TotalSeconds
}

function Write-BenchResult([hashtable] $Result) {
    [Console]::Out.WriteLine('RESULT ' + ($Result | ConvertTo-Json -Compress -Depth 4))
}

$crmpsAssembly = [CrmPS.Bizstim.ImportResult].Assembly.Location
Add-Type -ReferencedAssemblies $crmpsAssembly, ([psobject].Assembly.Location), 'System.Runtime', 'System.Collections', 'System.Threading', 'System.Threading.Timer', 'netstandard' -PassThru -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using CrmPS.Bizstim;

// The end of every timed pipeline: counts what arrives and the import results that are not
// Imported, keeping nothing, so a million results cost no memory.
[Cmdlet("Receive", "BenchOutput")]
public sealed class ReceiveBenchOutputCommand : PSCmdlet
{
    public static long Count;
    public static long NotImported;
    public static long FirstAt;

    [Parameter(ValueFromPipeline = true)]
    public PSObject InputObject { get; set; }

    public static void Reset() { Count = 0; NotImported = 0; FirstAt = 0; }

    protected override void ProcessRecord()
    {
        if (InputObject == null) return;
        if (Count++ == 0) FirstAt = Stopwatch.GetTimestamp();
        ImportResult result = InputObject.BaseObject as ImportResult;
        if (result != null && result.Status != ImportStatus.Imported) NotImported++;
    }
}

// Import-BizstimClient's pipeline parameter as it declares it (one PSObject by value, in its own
// parameter set beside -Path, -LiteralPath and the single-client fields), with an empty
// ProcessRecord: what the binder charges per row.
[Cmdlet("Test", "BindOnly", DefaultParameterSetName = "InputObject")]
public sealed class TestBindOnlyCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "InputObject")]
    public PSObject InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
    public string[] Path { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
    public string[] LiteralPath { get; set; }

    [Parameter(ParameterSetName = "Fields")]
    public string FirstName { get; set; }

    [Parameter]
    public string[] Tag { get; set; }

    [Parameter]
    public int BatchSize { get; set; }

    protected override void ProcessRecord() { }
}

// Samples the live managed heap of this pwsh process (a full collection each time) on a timer.
public sealed class BenchHeapSampler
{
    private readonly object _gate = new object();
    private readonly List<long> _samples = new List<long>();
    private readonly Timer _timer;

    public BenchHeapSampler(int periodMs)
    {
        _timer = new Timer(_ => { long live = GC.GetTotalMemory(true); lock (_gate) _samples.Add(live); }, null, periodMs, periodMs);
    }

    public long[] Stop()
    {
        using (var stopped = new ManualResetEvent(false))
        {
            _timer.Dispose(stopped);
            stopped.WaitOne();
        }

        lock (_gate) return _samples.ToArray();
    }
}
'@ | Where-Object { $_.Name -eq 'ReceiveBenchOutputCommand' } | ForEach-Object { Import-Module $_.Assembly }
