using System;
using System.Collections.Generic;

namespace CrmPS.Core
{
    /// <summary>
    /// A rolling-window operation budget (for example 10 operations in any hour). It never says
    /// "go" when one more operation would exceed the window, so a paced client is never refused.
    /// </summary>
    internal sealed class RateBudget
    {
        private readonly Queue<DateTimeOffset> _spent = new Queue<DateTimeOffset>();
        private readonly object _gate = new object();

        public RateBudget(int operationsPerWindow, TimeSpan window)
        {
            Capacity = operationsPerWindow;
            Window = window;
        }

        public int Capacity { get; private set; }

        public TimeSpan Window { get; }

        public void Resize(int operationsPerWindow)
        {
            lock (_gate)
            {
                Capacity = operationsPerWindow;
            }
        }

        public int Used(DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now);
                return _spent.Count;
            }
        }

        /// <summary>How long to wait before one more operation fits in the window; zero when it fits now.</summary>
        public TimeSpan WaitBeforeNext(DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now);
                if (_spent.Count < Capacity)
                {
                    return TimeSpan.Zero;
                }

                DateTimeOffset[] stamps = _spent.ToArray();
                DateTimeOffset reopens = stamps[_spent.Count - Capacity] + Window;
                return reopens - now;
            }
        }

        public void Spend(DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now);
                _spent.Enqueue(now);
            }
        }

        /// <summary>The server says the window is full although we counted less: trust it and fill the window until <paramref name="reopensAt"/>.</summary>
        public void ExhaustUntil(DateTimeOffset now, DateTimeOffset reopensAt)
        {
            lock (_gate)
            {
                Expire(now);
                DateTimeOffset stamp = reopensAt - Window;
                while (_spent.Count < Capacity)
                {
                    _spent.Enqueue(stamp);
                }

                var ordered = new List<DateTimeOffset>(_spent);
                ordered.Sort();
                _spent.Clear();
                foreach (var s in ordered)
                {
                    _spent.Enqueue(s);
                }
            }
        }

        private void Expire(DateTimeOffset now)
        {
            while (_spent.Count > 0 && _spent.Peek() + Window <= now)
            {
                _spent.Dequeue();
            }
        }
    }
}
