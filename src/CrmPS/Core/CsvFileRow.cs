using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>Where a row read from a CSV file came from, and its cells; turned into an object only for an error's TargetObject.</summary>
    internal sealed class CsvFileRow
    {
        private readonly IReadOnlyList<string> _header;
        private readonly string[] _values;

        public CsvFileRow(string path, long line, IReadOnlyList<string> header, string[] values)
        {
            Path = path;
            Line = line;
            _header = header;
            _values = values;
        }

        public string Path { get; }

        public long Line { get; }

        public string Describe() => $"{System.IO.Path.GetFileName(Path)}, line {Line}";

        /// <summary>The row as Import-Csv would have given it (its cells by column name), plus its file and line.</summary>
        public PSObject ToPSObject()
        {
            var row = new PSObject();
            if (_values != null)
            {
                for (int i = 0; i < _header.Count && i < _values.Length; i++)
                {
                    if (row.Properties[_header[i]] == null)
                    {
                        row.Properties.Add(new PSNoteProperty(_header[i], _values[i]));
                    }
                }
            }

            row.Properties.Add(new PSNoteProperty("CsvPath", Path));
            row.Properties.Add(new PSNoteProperty("CsvLine", Line));
            return row;
        }
    }
}
