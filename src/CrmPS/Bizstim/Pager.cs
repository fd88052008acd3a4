using System;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Turns -Skip/-First and a page size into start/limit requests that fetch only the pages needed,
    /// and stops at the server's total.
    /// </summary>
    internal sealed class Pager
    {
        private readonly ulong _first;
        private readonly int _pageSize;
        private ulong _emitted;
        private long _next;
        private bool _done;

        public Pager(ulong skip, ulong first, int pageSize)
        {
            _next = (long)Math.Min(skip, int.MaxValue);
            _first = first;
            _pageSize = pageSize;
        }

        public bool NextRequest(out int start, out int limit)
        {
            start = (int)Math.Min(_next, int.MaxValue);
            limit = (int)Math.Min((ulong)_pageSize, _first - _emitted);
            return !_done && _emitted < _first && limit > 0;
        }

        public bool Take()
        {
            if (_emitted >= _first)
            {
                return false;
            }

            _emitted++;
            return true;
        }

        public void Received(int count, long total)
        {
            _next += count;
            if (count == 0 || _next >= total)
            {
                _done = true;
            }
        }
    }
}
