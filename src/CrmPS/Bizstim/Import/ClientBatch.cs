using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Rows sent in one import operation. The header is the 16 fixed labels, then the custom
    /// fields present in this batch (first label seen for each field number), then tags; a row
    /// lacking a column sends "".
    /// </summary>
    internal sealed class ClientBatch
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private Task<byte[]> _json;

        public ClientBatch(IReadOnlyList<ClientRow> rows)
        {
            Rows = rows;
        }

        public IReadOnlyList<ClientRow> Rows { get; }

        public int Count => Rows.Count;

        public long FirstRow => Rows[0].RowNumber;

        public long LastRow => Rows[Rows.Count - 1].RowNumber;

        public string RowRange => FirstRow == LastRow ? $"row {FirstRow}" : $"rows {FirstRow}-{LastRow}";

        public IReadOnlyList<string> BuildHeader(out List<string> customFieldIds, out bool hasTags)
        {
            var header = new List<string>(ClientColumns.FixedLabels);
            customFieldIds = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            hasTags = false;
            foreach (ClientRow row in Rows)
            {
                foreach (CustomFieldValue field in row.CustomFields)
                {
                    if (seen.Add(field.FieldId))
                    {
                        customFieldIds.Add(field.FieldId);
                        header.Add(field.Label);
                    }
                }

                hasTags |= row.Tags != null;
            }

            if (hasTags)
            {
                header.Add(ClientColumns.TagsLabel);
            }

            return header;
        }

        /// <summary>
        /// The request body, written once on the thread pool: rows are immutable once built, so the
        /// pipeline thread goes on reading rows while the body is written (and a retry sends the same bytes).
        /// </summary>
        public Task<byte[]> JsonAsync() => _json ?? (_json = Task.Run(() => ToJson()));

        public byte[] ToJson()
        {
            var buffer = new ChunkedBuffer();
            WriteTo(buffer);
            return buffer.ToArray();
        }

        /// <summary>Writes the request body to <paramref name="output"/>.</summary>
        internal void WriteTo(IBufferWriter<byte> output)
        {
            IReadOnlyList<string> header = BuildHeader(out List<string> customFieldIds, out bool hasTags);
            using (var writer = new Utf8JsonWriter(output, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("header");
                foreach (string label in header)
                {
                    writer.WriteStringValue(label);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data");
                foreach (ClientRow row in Rows)
                {
                    WriteRow(writer, row, customFieldIds, hasTags);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        private static void WriteRow(Utf8JsonWriter writer, ClientRow row, List<string> customFieldIds, bool hasTags)
        {
            writer.WriteStartArray();
            foreach (string value in row.FixedValues)
            {
                writer.WriteStringValue(value);
            }

            foreach (string fieldId in customFieldIds)
            {
                writer.WriteStringValue(ValueOf(row, fieldId));
            }

            if (hasTags)
            {
                writer.WriteStringValue(row.Tags ?? string.Empty);
            }

            writer.WriteEndArray();
        }

        private static string ValueOf(ClientRow row, string fieldId)
        {
            foreach (CustomFieldValue field in row.CustomFields)
            {
                if (field.FieldId == fieldId)
                {
                    return field.Value;
                }
            }

            return string.Empty;
        }
    }
}
