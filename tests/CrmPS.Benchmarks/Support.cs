using System.Management.Automation;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Benchmarks;

/// <summary>
/// The benchmark's client rows, as a user's CSV export has them: the vendor's 16 header labels, a
/// custom-field column and a tags column. Written to real files for pwsh, and built as Import-Csv
/// would (PSCustomObjects of string note properties) for the in-process scenarios.
/// </summary>
internal static class CsvShapedRows
{
    public static readonly string[] Header =
    {
        "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
        "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
        "105_student_id", "tags",
    };

    public static string[] Values(long i)
    {
        string n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new[]
        {
            "Ann" + n, "Lee" + n, n + " Main St.", "", "Milton", "Ontario", "L7D 5S2", "Canada",
            "905-555-0100", "", "", "ann" + n + "@example.com", "1980-01-02", "active", "2023-05-14", "",
            "S" + n, "alumni",
        };
    }

    /// <summary>The 16 fixed fields of row i (what the cmdlet binds), without the custom-field and tags columns.</summary>
    public static object[] FixedValues(long i) => Values(i).Take(16).Cast<object>().ToArray();

    /// <summary>The custom-field and tags columns of row i.</summary>
    public static KeyValuePair<string, object>[] Extras(long i)
    {
        string[] values = Values(i);
        return new[] { new KeyValuePair<string, object>(Header[16], values[16]), new KeyValuePair<string, object>(Header[17], values[17]) };
    }

    /// <summary>Writes rows 1..count to a CSV file as Export-Csv would (UTF-8, no BOM, every field quoted).</summary>
    public static void WriteFile(string path, long count)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.Write(string.Join(",", Header.Select(Quote)));
        writer.Write('\n');
        for (long i = 1; i <= count; i++)
        {
            writer.Write(string.Join(",", Values(i).Select(Quote)));
            writer.Write('\n');
        }
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

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
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
