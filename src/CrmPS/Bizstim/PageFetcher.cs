using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Reads a paged list with up to N pages outstanding (requested and not yet handed back in
    /// full) and hands the pages back strictly in order. The first page is fetched alone, since
    /// it tells the total; then the remaining pages are requested ahead, never past what
    /// -Skip/-First need or the server's total. With N = 1 it is plain sequential paging: the next
    /// page is requested only after the previous one was consumed.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: one caller (the pipeline thread) calls <see cref="Next"/>, waits for the
    /// task it returns, then calls <see cref="Take"/>. The HTTP work of the pages in flight runs
    /// on the thread pool; nothing here writes to a PowerShell stream.
    /// </remarks>
    internal sealed class PageFetcher<T> : IDisposable
    {
        private readonly Func<int, int, CancellationToken, Task<Page<T>>> _fetch;
        private readonly CancellationToken _stop;
        private readonly Queue<Request> _inFlight = new Queue<Request>();
        private readonly int _parallelism;
        private readonly int _pageSize;
        private readonly ulong _first;
        private readonly long _wantedEnd;
        private CancellationTokenSource _ahead;
        private long _nextStart;
        private long _end;
        private ulong _emitted;
        private bool _totalKnown;
        private bool _done;

        /// <param name="skip">Items to leave out at the start (-Skip).</param>
        /// <param name="first">Items wanted at most (-First; ulong.MaxValue for all).</param>
        /// <param name="pageSize">Items asked for per request.</param>
        /// <param name="parallelism">Pages outstanding at most (1 for sequential paging).</param>
        /// <param name="fetch">Requests one page: start, limit, cancellation.</param>
        /// <param name="stop">Cancels every request in flight (Ctrl+C).</param>
        public PageFetcher(ulong skip, ulong first, int pageSize, int parallelism, Func<int, int, CancellationToken, Task<Page<T>>> fetch, CancellationToken stop)
        {
            if (pageSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize));
            }

            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            _stop = stop;
            _parallelism = Math.Max(1, parallelism);
            _pageSize = pageSize;
            _first = first;
            _nextStart = (long)Math.Min(skip, int.MaxValue);
            ulong room = (ulong)(long.MaxValue - _nextStart);
            _wantedEnd = first >= room ? long.MaxValue : _nextStart + (long)first;
            _end = _wantedEnd;
            _done = first == 0;
            _ahead = CancellationTokenSource.CreateLinkedTokenSource(stop);
        }

        /// <summary>How many requests were started so far.</summary>
        public int RequestsStarted { get; private set; }

        /// <summary>
        /// The next page in order, starting requests so that up to N pages are outstanding; null
        /// once every page needed has been handed back. Wait for it, then pass it to <see cref="Take"/>.
        /// </summary>
        public Task<Page<T>> Next()
        {
            if (_done)
            {
                return null;
            }

            TopUp(_parallelism);
            return _inFlight.Count == 0 ? null : _inFlight.Peek().Task;
        }

        /// <summary>
        /// Accepts the page <see cref="Next"/> returned, once it completed: returns its items that
        /// -First still wants, and (after the first page) requests the pages that follow.
        /// </summary>
        public IReadOnlyList<T> Take(Page<T> page)
        {
            if (page == null)
            {
                throw new ArgumentNullException(nameof(page));
            }

            Request request = _inFlight.Dequeue();
            int count = page.Items.Count;
            _end = Math.Min(page.Total, _wantedEnd);
            _totalKnown = true;
            long reached = request.Start + count;
            if (count == 0 || reached >= _end)
            {
                _done = true;
                DropInFlight();
            }
            else if (count != request.Limit)
            {
                // A page shorter (or longer) than asked for, before the end: the pages requested ahead
                // start at the wrong offsets. Drop them and go on from where this page really ended.
                DropInFlight();
                _nextStart = reached;
            }

            IReadOnlyList<T> items = Trim(page.Items);

            // The page being handed back holds one of the N places until the caller asks for the next.
            TopUp(_parallelism - 1);
            return items;
        }

        /// <summary>Cancels whatever is still in flight (the caller stopped early, or failed).</summary>
        public void Dispose()
        {
            _done = true;
            DropInFlight();
        }

        private IReadOnlyList<T> Trim(IReadOnlyList<T> items)
        {
            ulong wanted = _first - _emitted;
            if ((ulong)items.Count <= wanted)
            {
                _emitted += (ulong)items.Count;
                return items;
            }

            var kept = new List<T>((int)wanted);
            for (int i = 0; i < (int)wanted; i++)
            {
                kept.Add(items[i]);
            }

            _emitted += wanted;
            return kept;
        }

        private void TopUp(int outstanding)
        {
            // Until the first page tells the total, only that page is asked for.
            while (!_done && _inFlight.Count < outstanding && _nextStart < _end && (_totalKnown || RequestsStarted == 0))
            {
                int start = (int)Math.Min(_nextStart, int.MaxValue);
                int limit = (int)Math.Min(_pageSize, _wantedEnd - _nextStart);
                Task<Page<T>> task = _fetch(start, limit, _ahead.Token);
                _inFlight.Enqueue(new Request(start, limit, task));
                RequestsStarted++;
                _nextStart += limit;
            }
        }

        /// <summary>
        /// Cancels the requests of pages nobody will read and observes their failure, so none
        /// surfaces later as an unobserved task exception.
        /// </summary>
        private void DropInFlight()
        {
            if (_inFlight.Count == 0)
            {
                return;
            }

            _ahead.Cancel();
            while (_inFlight.Count > 0)
            {
                Observe(_inFlight.Dequeue().Task);
            }

            // Not disposed: a cancelled request may still be unwinding with its token.
            _ahead = CancellationTokenSource.CreateLinkedTokenSource(_stop);
        }

        private static void Observe(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        private readonly struct Request
        {
            public Request(int start, int limit, Task<Page<T>> task)
            {
                Start = start;
                Limit = limit;
                Task = task;
            }

            public int Start { get; }

            public int Limit { get; }

            public Task<Page<T>> Task { get; }
        }
    }
}
