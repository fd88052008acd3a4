using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>Timestamps of rate-limited operations within a rolling window.</summary>
    internal sealed class OperationWindow
    {
        private static readonly TimeSpan Length = TimeSpan.FromHours(1);
        private readonly Queue<DateTimeOffset> _operations = new Queue<DateTimeOffset>();

        public int Count(DateTimeOffset now)
        {
            Prune(now);
            return _operations.Count;
        }

        public void Add(DateTimeOffset now) => _operations.Enqueue(now);

        /// <summary>Whole seconds until the oldest operation leaves the window, at least 1.</summary>
        public int SecondsUntilSlotFrees(DateTimeOffset now)
        {
            Prune(now);
            if (_operations.Count == 0) return 1;
            var wait = _operations.Peek() + Length - now;
            return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }

        private void Prune(DateTimeOffset now)
        {
            while (_operations.Count > 0 && now - _operations.Peek() >= Length)
            {
                _operations.Dequeue();
            }
        }
    }
}
