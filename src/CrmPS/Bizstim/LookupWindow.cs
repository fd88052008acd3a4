using System.Management.Automation;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// -Skip and -First over lookups (-Id 1, 2, 3 or ids piped in): counts the items asked for, across
    /// pipeline input, so skipped items are never looked up and nothing is sent after the first -First.
    /// </summary>
    internal sealed class LookupWindow
    {
        private readonly ulong _skip;
        private readonly ulong _first;
        private ulong _seen;

        public LookupWindow(PagingParameters paging)
        {
            _skip = paging?.Skip ?? 0;
            _first = paging?.First ?? ulong.MaxValue;
        }

        /// <summary>Counts the next item; true when it falls inside the window and should be looked up.</summary>
        public bool Take()
        {
            ulong index = _seen;
            if (_seen < ulong.MaxValue)
            {
                _seen++;
            }

            return index >= _skip && index - _skip < _first;
        }
    }
}
