using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CsvHelper;

namespace CrmPS.Csv
{
    /// <summary>
    /// Streams a CSV file as Import-Csv reads it (a header line, then records; quoted fields may hold
    /// delimiters, quotes and line breaks; a byte order mark picks the encoding). A malformed record
    /// (bad quoting, or another number of fields than the header) comes back with its line and the
    /// reason, and reading goes on with the next one. Only BCL types cross this class's surface.
    /// </summary>
    public sealed class CsvRecordReader : IDisposable
    {
        private readonly CsvReader _reader;
        private readonly Queue<(long Line, string Problem)> _malformed = new Queue<(long, string)>();
        private readonly int _fieldCount;
        private bool _currentPending;

        private CsvRecordReader(string path, char delimiter, Encoding encoding)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            try
            {
                var options = new CsvReaderOptions
                {
                    HasHeader = true,
                    Separator = delimiter,
                    // Null: a byte order mark decides, else UTF-8 (what Import-Csv assumes in PowerShell 7).
                    Encoding = encoding,
                    TrackLineNumbers = true,
                    MalformedData = CsvMalformedDataHandling.Skip,
                    FieldCountMismatch = CsvFieldCountHandling.Skip,
                    OnMalformedRecord = OnMalformed,
                };
                _reader = CsvReader.Create(stream, options, false);
                _reader.ReadHeader();
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            var header = new string[_reader.Headers.Count];
            for (int i = 0; i < header.Length; i++)
            {
                header[i] = _reader.Headers[i];
            }

            Header = header;
            _fieldCount = header.Length;
        }

        /// <summary>The column names of the header line; empty for an empty file.</summary>
        public IReadOnlyList<string> Header { get; }

        public static CsvRecordReader Open(string path, char delimiter, Encoding encoding) => new CsvRecordReader(path, delimiter, encoding);

        /// <summary>
        /// The next record, in file order: its first line and either its fields (as many as the header
        /// has) or why it could not be read. False at the end of the file.
        /// </summary>
        public bool Next(out long line, out string[] values, out string problem)
        {
            values = null;
            if (_malformed.Count == 0 && _currentPending)
            {
                _currentPending = false;
                return Current(out line, out values, out problem);
            }

            if (_malformed.Count == 0 && _fieldCount > 0 && _reader.Read())
            {
                // Malformed records met on the way to this one are returned first; this one waits for the next call.
                _currentPending = _malformed.Count > 0;
                if (!_currentPending)
                {
                    return Current(out line, out values, out problem);
                }
            }

            if (_malformed.Count > 0)
            {
                (line, problem) = _malformed.Dequeue();
                return true;
            }

            line = 0;
            problem = null;
            return false;
        }

        public void Dispose() => _reader.Dispose();

        private bool Current(out long line, out string[] values, out string problem)
        {
            values = new string[_fieldCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = _reader.GetString(i);
            }

            line = _reader.LineNumber;
            problem = null;
            return true;
        }

        private void OnMalformed(CsvMalformedRecord record)
        {
            string reason;
            switch (record.Reason)
            {
                case CsvMalformedReason.FieldCountMismatch:
                    reason = $"it does not have the {_fieldCount} fields of the header";
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

            _malformed.Enqueue((record.LineNumber, reason));
        }
    }
}
