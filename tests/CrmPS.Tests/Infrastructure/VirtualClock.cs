using CrmPS.Core;

namespace CrmPS.Tests.Infrastructure;

/// <summary>Virtual time: Delay advances the clock at once and records the wait, so rate-limit waits cost no real time.</summary>
internal sealed class VirtualClock : IClock
{
    private readonly object _gate = new();

    public DateTimeOffset UtcNow { get; private set; } = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = new();

    public TimeSpan TotalWaited => Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Waits.Add(delay);
            UtcNow += delay;
        }

        return Task.CompletedTask;
    }
}
