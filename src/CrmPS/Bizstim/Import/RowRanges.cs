using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmPS.Bizstim
{
    /// <summary>A set of row numbers kept as sorted runs ("1-3, 5, 8-10"), small however many rows an import has.</summary>
    internal sealed class RowRanges
    {
        private const int RunsShown = 10;
        private readonly List<long[]> _runs = new List<long[]>();

        public bool IsEmpty => _runs.Count == 0;

        public void Add(long row)
        {
            int index = _runs.Count;
            while (index > 0 && _runs[index - 1][0] > row)
            {
                index--;
            }

            if (index > 0 && row <= _runs[index - 1][1])
            {
                return;
            }

            bool joinsBefore = index > 0 && _runs[index - 1][1] == row - 1;
            bool joinsAfter = index < _runs.Count && _runs[index][0] == row + 1;
            if (joinsBefore && joinsAfter)
            {
                _runs[index - 1][1] = _runs[index][1];
                _runs.RemoveAt(index);
            }
            else if (joinsBefore)
            {
                _runs[index - 1][1] = row;
            }
            else if (joinsAfter)
            {
                _runs[index][0] = row;
            }
            else
            {
                _runs.Insert(index, new[] { row, row });
            }
        }

        public static RowRanges Of(IEnumerable<long> rows)
        {
            var ranges = new RowRanges();
            foreach (long row in rows)
            {
                ranges.Add(row);
            }

            return ranges;
        }

        /// <summary>"row 4", "rows 1-3, 5", or "none".</summary>
        public override string ToString()
        {
            if (_runs.Count == 0)
            {
                return "none";
            }

            bool single = _runs.Count == 1 && _runs[0][0] == _runs[0][1];
            string shown = string.Join(", ", _runs.Take(RunsShown).Select(r => r[0] == r[1] ? Text(r[0]) : Text(r[0]) + "-" + Text(r[1])));
            string more = _runs.Count > RunsShown ? $" and {_runs.Count - RunsShown} more runs" : string.Empty;
            return (single ? "row " : "rows ") + shown + more;
        }

        private static string Text(long row) => row.ToString(CultureInfo.InvariantCulture);
    }
}
