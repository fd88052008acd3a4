using System;
using System.Collections.Generic;

namespace CrmPS.Core
{
    /// <summary>Input columns nothing takes, each reported once per pipeline.</summary>
    internal sealed class UnusedColumnLog
    {
        private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The names not reported before, now counted as reported; null when there are none.</summary>
        public IReadOnlyList<string> TakeNew(IEnumerable<string> unused)
        {
            List<string> fresh = null;
            foreach (string name in unused)
            {
                if (_reported.Add(name))
                {
                    fresh = fresh ?? new List<string>();
                    fresh.Add(name);
                }
            }

            return fresh;
        }
    }
}
