using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// What an import has settled, saved after every batch so a stopped import can resume:
    /// rows whose outcome is final (never sent again), and the rows of the batch in flight
    /// (looked up before anything else on resume, since they may have landed). Each row is
    /// identified by its number and a hash of its content, so a checkpoint cannot be applied
    /// to another input. Holds no secret: no key, no row content beyond the hashes.
    /// </summary>
    internal sealed class ImportCheckpoint
    {
        private const string Format = "CrmPS.BizstimImportCheckpoint/1";
        private readonly SortedDictionary<long, (uint Hash, ImportStatus Status)> _final = new SortedDictionary<long, (uint, ImportStatus)>();
        private readonly Dictionary<long, uint> _inFlight = new Dictionary<long, uint>();

        private ImportCheckpoint(string path, string target)
        {
            Path = path;
            Target = target;
        }

        public string Path { get; }

        public string Target { get; }

        public uint? FirstRowHash { get; private set; }

        /// <summary>Under -WhatIf the checkpoint is read, never written.</summary>
        public bool ReadOnly { get; set; }

        public int FinalCount => _final.Count;

        /// <summary>Opens the checkpoint at <paramref name="path"/>, or starts a new one; refuses a file made for another address or not a checkpoint.</summary>
        public static ImportCheckpoint Open(string path, Uri target)
        {
            var checkpoint = new ImportCheckpoint(path, target.AbsoluteUri);
            if (Directory.Exists(path))
            {
                throw new InvalidDataException($"-CheckpointPath '{path}' is a folder: name the checkpoint file itself, such as '{System.IO.Path.Combine(path, "import.checkpoint.json")}'. Nothing was sent.");
            }

            string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new InvalidDataException($"The folder of -CheckpointPath '{path}' does not exist ('{folder}'): create it first, or use another path. Nothing was sent.");
            }

            if (!File.Exists(path))
            {
                return checkpoint;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllBytes(path));
            }
            catch (JsonException)
            {
                throw new InvalidDataException($"'{path}' is not a CrmPS import checkpoint (it is not JSON). Use another -CheckpointPath.");
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.GetString() != Format)
                {
                    throw new InvalidDataException($"'{path}' is not a CrmPS import checkpoint. Use another -CheckpointPath.");
                }

                string recorded = root.GetProperty("target").GetString();
                if (!string.Equals(recorded, checkpoint.Target, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"The checkpoint '{path}' was made for an import into {recorded}, not {checkpoint.Target}. Use another -CheckpointPath.");
                }

                checkpoint.Read(root);
            }

            return checkpoint;
        }

        /// <summary>Checks that row 1 is the row 1 this checkpoint was made with; false means another input.</summary>
        public bool AcceptFirstRow(uint hash)
        {
            if (FirstRowHash == null)
            {
                FirstRowHash = hash;
                return true;
            }

            return FirstRowHash == hash;
        }

        /// <summary>The recorded state of a row: final (with its status), in flight, or unknown; false when the row's content differs from what was recorded.</summary>
        public bool TryRecall(long row, uint hash, out ImportStatus? finalStatus, out bool inFlight)
        {
            finalStatus = null;
            inFlight = false;
            if (_final.TryGetValue(row, out var final))
            {
                finalStatus = final.Status;
                return final.Hash == hash;
            }

            if (_inFlight.TryGetValue(row, out uint flying))
            {
                inFlight = true;
                return flying == hash;
            }

            return true;
        }

        public void MarkInFlight(IEnumerable<(long Row, uint Hash)> rows)
        {
            foreach (var (row, hash) in rows)
            {
                _inFlight[row] = hash;
            }

            Save();
        }

        /// <summary>Records outcomes: Imported, Unverified and Duplicated are final (never sent again); anything else only leaves the in-flight set.</summary>
        public void Settle(IEnumerable<(long Row, uint Hash, ImportStatus Status)> rows)
        {
            foreach (var (row, hash, status) in rows)
            {
                _inFlight.Remove(row);
                if (status == ImportStatus.Imported || status == ImportStatus.Unverified || status == ImportStatus.Duplicated)
                {
                    _final[row] = (hash, status);
                }
            }

            Save();
        }

        /// <summary>Writes a temporary file and renames it over the checkpoint, so a crash leaves the old or the new checkpoint, never half of one.</summary>
        /// <summary>
        /// Writes and removes a scratch file next to the checkpoint, so a folder that cannot be written
        /// is reported before the first batch is sent rather than after it.
        /// </summary>
        public void CheckWritable()
        {
            if (ReadOnly)
            {
                return;
            }

            string temporary = TemporaryPath();
            try
            {
                File.WriteAllBytes(temporary, new byte[0]);
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InvalidDataException($"The checkpoint '{Path}' cannot be written in its folder ({ex.GetType().Name}): use another -CheckpointPath. Nothing was sent.");
            }
        }

        private string TemporaryPath()
        {
            string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            return System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(Path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        }

        public void Save()
        {
            if (ReadOnly)
            {
                return;
            }

            string temporary = TemporaryPath();
            File.WriteAllBytes(temporary, ToJson());
            if (File.Exists(Path))
            {
                File.Replace(temporary, Path, null);
            }
            else
            {
                File.Move(temporary, Path);
            }
        }

        private byte[] ToJson()
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteString("format", Format);
                    writer.WriteString("target", Target);
                    if (FirstRowHash.HasValue)
                    {
                        writer.WriteString("firstRow", Hex(FirstRowHash.Value));
                    }

                    writer.WriteStartArray("final");
                    foreach (var run in Runs())
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("from", run.From);
                        writer.WriteString("status", run.Status.ToString());
                        writer.WriteString("hashes", Convert.ToBase64String(run.Hashes.SelectMany(BitConverter.GetBytes).ToArray()));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("inFlight");
                    foreach (var pair in _inFlight.OrderBy(p => p.Key))
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("row", pair.Key);
                        writer.WriteString("hash", Hex(pair.Value));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        /// <summary>Consecutive final rows with one status, stored as a start row and their hashes.</summary>
        private IEnumerable<(long From, ImportStatus Status, List<uint> Hashes)> Runs()
        {
            (long From, ImportStatus Status, List<uint> Hashes)? current = null;
            long next = 0;
            foreach (var pair in _final)
            {
                if (current.HasValue && pair.Key == next && pair.Value.Status == current.Value.Status)
                {
                    current.Value.Hashes.Add(pair.Value.Hash);
                }
                else
                {
                    if (current.HasValue)
                    {
                        yield return current.Value;
                    }

                    current = (pair.Key, pair.Value.Status, new List<uint> { pair.Value.Hash });
                }

                next = pair.Key + 1;
            }

            if (current.HasValue)
            {
                yield return current.Value;
            }
        }

        private void Read(JsonElement root)
        {
            if (root.TryGetProperty("firstRow", out JsonElement first))
            {
                FirstRowHash = ParseHex(first.GetString());
            }

            foreach (JsonElement run in root.GetProperty("final").EnumerateArray())
            {
                long from = run.GetProperty("from").GetInt64();
                var status = (ImportStatus)Enum.Parse(typeof(ImportStatus), run.GetProperty("status").GetString());
                byte[] hashes = Convert.FromBase64String(run.GetProperty("hashes").GetString());
                for (int i = 0; i + 4 <= hashes.Length; i += 4)
                {
                    _final[from + (i / 4)] = (BitConverter.ToUInt32(hashes, i), status);
                }
            }

            foreach (JsonElement row in root.GetProperty("inFlight").EnumerateArray())
            {
                _inFlight[row.GetProperty("row").GetInt64()] = ParseHex(row.GetProperty("hash").GetString());
            }
        }

        private static string Hex(uint value) => value.ToString("x8", CultureInfo.InvariantCulture);

        private static uint ParseHex(string text) => uint.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
