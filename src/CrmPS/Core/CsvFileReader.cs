using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CsvHelper;

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
    /// Streams a CSV file as Import-Csv reads it (a header line, then records; quoted fields may hold
    /// delimiters, quotes and line breaks; a byte order mark picks the encoding), with CsvHelper. A
    /// malformed record (bad quoting, or another number of fields than the header) comes back with
    /// its line and the reason, and reading goes on with the next one.
    /// </summary>
    internal sealed class CsvFileReader : IDisposable
    {
        private readonly CsvReader _reader;
        private readonly Queue<CsvFileRecord> _malformed = new Queue<CsvFileRecord>();
        private long _dataRow;

        private CsvFileReader(string path, char delimiter, Encoding encoding)
        {
            Path = path;
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            var options = new CsvReaderOptions
            {
                // Null: a byte order mark decides, else UTF-8 (what Import-Csv assumes in PowerShell 7).
                Encoding = encoding,
                HasHeader = true,
                Separator = delimiter,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Skip,
                FieldCountMismatch = CsvFieldCountHandling.Skip,
                OnMalformedRecord = OnMalformed,
            };
            _reader = CsvReader.Create(stream, options, false);
            Header = ReadHeader();
        }

        public string Path { get; }

        /// <summary>The column names of the header line; empty for an empty file.</summary>
        public IReadOnlyList<string> Header { get; }

        public static CsvFileReader Open(string path, char delimiter, Encoding encoding) => new CsvFileReader(path, delimiter, encoding);

        /// <summary>Every record after the header, in file order, malformed ones included.</summary>
        public IEnumerable<CsvFileRecord> Records()
        {
            if (Header.Count == 0)
            {
                yield break;
            }

            while (true)
            {
                bool read = _reader.Read();
                while (_malformed.Count > 0)
                {
                    yield return _malformed.Dequeue();
                }

                if (!read)
                {
                    yield break;
                }

                var values = new string[Header.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = _reader.GetString(i);
                }

                yield return new CsvFileRecord(++_dataRow, _reader.LineNumber, values, null);
            }
        }

        public void Dispose() => _reader.Dispose();

        private IReadOnlyList<string> ReadHeader()
        {
            _reader.ReadHeader();
            var header = new string[_reader.Headers.Count];
            for (int i = 0; i < header.Length; i++)
            {
                header[i] = _reader.Headers[i];
            }

            return header;
        }

        private void OnMalformed(CsvMalformedRecord record)
        {
            string reason;
            switch (record.Reason)
            {
                case CsvMalformedReason.FieldCountMismatch:
                    reason = $"it does not have the {Header?.Count} fields of the header";
                    break;
                case CsvMalformedReason.UnterminatedQuote:
                    reason = "a quoted field is never closed (the record runs to the end of the file)";
                    break;
                case CsvMalformedReason.TextAfterClosingQuote:
                    reason = "text follows a closing quote";
                    break;
                case CsvMalformedReason.StrayQuote:
                    reason = "a quote stands inside an unquoted field";
                    break;
                default:
                    reason = "its quoting is malformed (" + record.Reason + ")";
                    break;
            }

            _malformed.Enqueue(new CsvFileRecord(++_dataRow, record.LineNumber, null, reason));
        }
    }
}
