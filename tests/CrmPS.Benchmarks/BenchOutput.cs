using System.Diagnostics;
using System.Management.Automation;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// The end of every timed pipeline: counts what arrives, notes when the first object arrived and
/// counts import results that are not Imported, keeping nothing (so a million results cost no memory).
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchOutput")]
public sealed class ReceiveBenchOutputCommand : PSCmdlet
{
    private static long _count;
    private static long _notImported;
    private static long _firstAt;

    [Parameter(ValueFromPipeline = true)]
    public PSObject InputObject { get; set; }

    public static long Count => Interlocked.Read(ref _count);

    public static long NotImported => Interlocked.Read(ref _notImported);

    /// <summary>Stopwatch timestamp of the first object; 0 while none arrived.</summary>
    public static long FirstAt => Interlocked.Read(ref _firstAt);

    public static void Reset()
    {
        _count = 0;
        _notImported = 0;
        _firstAt = 0;
    }

    protected override void ProcessRecord()
    {
        if (InputObject == null)
        {
            return;
        }

        if (_count++ == 0)
        {
            _firstAt = Stopwatch.GetTimestamp();
        }

        if (InputObject.BaseObject is ImportResult result && result.Status != ImportStatus.Imported)
        {
            _notImported++;
        }
    }
}
