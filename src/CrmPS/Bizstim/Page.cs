using System.Collections.Generic;

namespace CrmPS.Bizstim
{
    /// <summary>One page of a paged Bizstim list and the total the server reported.</summary>
    internal sealed class Page<T>
    {
        public Page(long total, IReadOnlyList<T> items)
        {
            Total = total;
            Items = items;
        }

        public long Total { get; }

        public IReadOnlyList<T> Items { get; }
    }
}
