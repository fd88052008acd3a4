using System.Management.Automation;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Benchmarks;

/// <summary>Rows shaped as Import-Csv makes them: PSCustomObjects whose 16 string properties are named by the vendor's header labels.</summary>
internal static class CsvShapedRows
{
    public static readonly string[] Header =
    {
        "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
        "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
    };

    public static string[] Values(long i)
    {
        string n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new[]
        {
            "Ann" + n, "Lee" + n, n + " Main St.", "", "Milton", "Ontario", "L7D 5S2", "Canada",
            "905-555-0100", "", "", "ann" + n + "@example.com", "1980-01-02", "active", "2023-05-14", "",
        };
    }

    public static PSObject Row(long i)
    {
        string[] values = Values(i);
        var row = new PSObject();
        for (int c = 0; c < Header.Length; c++)
        {
            row.Properties.Add(new PSNoteProperty(Header[c], values[c]));
        }

        return row;
    }

    public static PSObject[] Build(int count)
    {
        var rows = new PSObject[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = Row(i + 1);
        }

        return rows;
    }

    /// <summary>Rows made one at a time as the pipeline asks for them: nothing of the input is ever held whole.</summary>
    public static IEnumerable<PSObject> Stream(long count)
    {
        for (long i = 1; i <= count; i++)
        {
            yield return Row(i);
        }
    }
}

/// <summary>Answers every request after a fixed delay (the loopback server honours SandboxResponse.Delay).</summary>
internal sealed class LatencyService : ISandboxService
{
    private readonly ISandboxService _inner;
    private readonly TimeSpan _latency;

    public LatencyService(ISandboxService inner, TimeSpan latency)
    {
        _inner = inner;
        _latency = latency;
    }

    public SandboxResponse Handle(SandboxRequest request)
    {
        SandboxResponse response = _inner.Handle(request);
        response.Delay += _latency;
        return response;
    }
}

/// <summary>Lets one loopback server serve a fresh emulator for each measurement.</summary>
internal sealed class SwitchableService : ISandboxService
{
    public ISandboxService Current { get; set; }

    public SandboxResponse Handle(SandboxRequest request) => Current.Handle(request);
}

/// <summary>Virtual time: Delay advances the clock at once, so an hour's wait for the rate budget costs nothing.</summary>
internal sealed class VirtualClock : IClock
{
    private readonly object _gate = new();
    private DateTimeOffset _now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public DateTimeOffset UtcNow
    {
        get { lock (_gate) return _now; }
    }

    public TimeSpan Waited
    {
        get { lock (_gate) return _now - Start; }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            lock (_gate)
            {
                _now += delay;
            }
        }

        return Task.CompletedTask;
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The most operations that fall in any window of the given length.</summary>
    public static int MaxInWindow(IReadOnlyList<DateTimeOffset> stamps, TimeSpan window)
    {
        var sorted = stamps.OrderBy(s => s).ToArray();
        int best = 0;
        int left = 0;
        for (int right = 0; right < sorted.Length; right++)
        {
            while (sorted[right] - sorted[left] >= window)
            {
                left++;
            }

            best = Math.Max(best, right - left + 1);
        }

        return best;
    }
}
