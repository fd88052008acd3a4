using CrmPS.Core;

namespace CrmPS.Tests.Infrastructure;

/// <summary>A clock whose Delay never ends on its own, only when cancelled: proves a wait is cancellable without real waiting.</summary>
internal sealed class BlockingClock : IClock
{
    public DateTimeOffset UtcNow { get; } = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public ManualResetEventSlim Waiting { get; } = new();

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Waiting.Set();
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
