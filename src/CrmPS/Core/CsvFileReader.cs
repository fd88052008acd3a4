using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CrmPS.Csv;

namespace CrmPS.Core
{
    /// <summary>One data record of a CSV file, or the malformed text where a record should have been.</summary>
    internal sealed class CsvFileRecord
    {
        public CsvFileRecord(long dataRow, long line, string[] values, string problem)
        {
            DataRow = dataRow;
            Line = line;
            Values = values;
            Problem = problem;
        }

        /// <summary>1 for the first record after the header, counting malformed ones too.</summary>
        public long DataRow { get; }

        /// <summary>The file's line (1-based) where the record starts.</summary>
        public long Line { get; }

        /// <summary>The fields, as many as the header has; null when the record is malformed.</summary>
        public string[] Values { get; }

        /// <summary>Why the record could not be read (bad quoting, a wrong number of fields); null when it was.</summary>
        public string Problem { get; }
    }

    /// <summary>
    /// The records of a CSV file with their data-row numbers, read by <see cref="CsvRecordReader"/>
    /// (CrmPS.Csv, over CsvHelper), which loads into the module's own AssemblyLoadContext on PowerShell 7.
    /// </summary>
    internal sealed class CsvFileReader : IDisposable
    {
        private readonly CsvRecordReader _reader;

        private CsvFileReader(CsvRecordReader reader)
        {
            _reader = reader;
        }

        /// <summary>The column names of the header line; empty for an empty file.</summary>
        public IReadOnlyList<string> Header => _reader.Header;

        public static CsvFileReader Open(string path, char delimiter, Encoding encoding) => new CsvFileReader(CsvRecordReader.Open(path, delimiter, encoding));

        /// <summary>Every record after the header, in file order, malformed ones included.</summary>
        public IEnumerable<CsvFileRecord> Records()
        {
            long dataRow = 0;
            while (_reader.Next(out long line, out string[] values, out string problem))
            {
                yield return new CsvFileRecord(++dataRow, line, values, problem);
            }
        }

        public void Dispose() => _reader.Dispose();
    }
}
