using CrmPS.Bizstim;

namespace CrmPS.Tests.Unit;

/// <summary>The page fetcher on its own, against a fake list whose pages complete when the test says.</summary>
public sealed class PageFetcherTests
{
    [Fact]
    public void The_first_page_goes_alone_then_up_to_N_pages_are_outstanding_and_handed_back_in_order()
    {
        var list = new FakeList(total: 50);
        using var fetcher = new PageFetcher<int>(0, ulong.MaxValue, 10, 3, list.Fetch, CancellationToken.None);

        var first = fetcher.Next();
        Assert.Equal(new[] { "0/10" }, list.Requested);
        Assert.Equal(Enumerable.Range(0, 10), fetcher.Take(first.Result));
        Assert.Equal(new[] { "0/10", "10/10", "20/10" }, list.Requested);

        var read = new List<int>();
        for (var next = fetcher.Next(); next != null; next = fetcher.Next())
        {
            Assert.True(list.Requested.Count - (read.Count / 10 + 1) <= 3, "more than three pages outstanding");
            read.AddRange(fetcher.Take(next.Result));
        }

        Assert.Equal(Enumerable.Range(10, 40), read);
        Assert.Equal(new[] { "0/10", "10/10", "20/10", "30/10", "40/10" }, list.Requested);
    }

    [Fact]
    public void A_short_page_before_the_end_drops_the_pages_asked_ahead_and_goes_on_from_where_it_ended()
    {
        var list = new FakeList(total: 40) { ShortAt = 10, ShortBy = 4 };
        using var fetcher = new PageFetcher<int>(0, ulong.MaxValue, 10, 4, list.Fetch, CancellationToken.None);

        var read = new List<int>();
        for (var next = fetcher.Next(); next != null; next = fetcher.Next())
        {
            read.AddRange(fetcher.Take(next.Result));
        }

        Assert.Equal(Enumerable.Range(0, 40), read);
        Assert.Equal(new[] { "0/10", "10/10", "20/10", "30/10", "16/10", "26/10", "36/10" }, list.Requested);
    }

    [Fact]
    public void First_zero_requests_nothing_and_First_trims_the_last_page()
    {
        var list = new FakeList(total: 50);
        using (var none = new PageFetcher<int>(0, 0, 10, 4, list.Fetch, CancellationToken.None))
        {
            Assert.Null(none.Next());
        }

        Assert.Empty(list.Requested);

        using var some = new PageFetcher<int>(3, 12, 10, 4, list.Fetch, CancellationToken.None);
        var read = new List<int>();
        for (var next = some.Next(); next != null; next = some.Next())
        {
            read.AddRange(some.Take(next.Result));
        }

        Assert.Equal(Enumerable.Range(3, 12), read);
        Assert.Equal(new[] { "3/10", "13/2" }, list.Requested);
    }

    [Fact]
    public void Disposing_cancels_the_pages_still_in_flight()
    {
        var list = new FakeList(total: 100) { Hold = true };
        var fetcher = new PageFetcher<int>(0, ulong.MaxValue, 10, 4, list.Fetch, CancellationToken.None);
        var first = fetcher.Next();
        list.Release("0/10");
        fetcher.Take(first.Result);
        Assert.Equal(4, list.Requested.Count);

        fetcher.Dispose();

        Assert.Equal(3, list.Cancelled);
    }

    /// <summary>A list of the integers 0..total-1, served in pages.</summary>
    private sealed class FakeList
    {
        private readonly int _total;
        private readonly Dictionary<string, TaskCompletionSource<Page<int>>> _held = new();

        public FakeList(int total) => _total = total;

        public List<string> Requested { get; } = new();

        public int Cancelled { get; private set; }

        public bool Hold { get; init; }

        public int ShortAt { get; init; } = -1;

        public int ShortBy { get; init; }

        public Task<Page<int>> Fetch(int start, int limit, CancellationToken cancel)
        {
            string key = $"{start}/{limit}";
            Requested.Add(key);
            int count = Math.Max(0, Math.Min(limit, _total - start));
            if (start == ShortAt)
            {
                count -= ShortBy;
            }

            var page = new Page<int>(_total, Enumerable.Range(start, count).ToList());
            var source = new TaskCompletionSource<Page<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancel.Register(() =>
            {
                if (source.TrySetCanceled())
                {
                    Cancelled++;
                }
            });
            if (Hold)
            {
                _held[key] = source;
                return source.Task;
            }

            source.TrySetResult(page);
            return source.Task;
        }

        public void Release(string key)
        {
            int start = int.Parse(key.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
            int limit = int.Parse(key.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
            _held[key].TrySetResult(new Page<int>(_total, Enumerable.Range(start, Math.Min(limit, _total - start)).ToList()));
        }
    }
}
