using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace CrmPS.Cdb
{
    /// <summary>
    /// New-CdbCustomer -LedgerPath: a local record of the customers this machine created, since
    /// Customer Database App has no read endpoint to ask. A row is "the same row" when its forename,
    /// surname and set of e-mail addresses are the same (trimmed, any case, any order); phones and
    /// custom fields are left out, because the API cannot update a customer: a corrected phone
    /// number would otherwise create the customer a second time.
    /// </summary>
    /// <remarks>
    /// The file holds no client data and no key: a header (format, the account's address, a random
    /// salt) and one line per event, "S|C|N hash [id] time", where hash is an HMAC-SHA256 of the
    /// row's key under the salt. It is a write-ahead journal: "S" (sending) is appended and flushed
    /// to disk before the POST, "C" (created, with the new id) or "N" (certainly not created) after
    /// the answer. A crash or an ambiguous answer leaves the "S": the row is then unconfirmed, never
    /// sent again blindly. Each append is one small write of a whole line; a line cut short by a
    /// crash has no line end and is ignored, which is safe because nothing is sent until the "S"
    /// line is on disk. A new file appears whole or not at all (written aside, then renamed). Two
    /// runs must not share one ledger at the same time.
    /// </remarks>
    internal sealed class CdbCustomerLedger
    {
        private const string Format = "CrmPS.CdbCustomerLedger/1";
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly byte[] _salt;
        private bool _readOnly;

        private CdbCustomerLedger(string path, byte[] salt)
        {
            Path = path;
            _salt = salt;
        }

        public string Path { get; }

        public int Count => _entries.Count;

        /// <summary>Opens the ledger at <paramref name="path"/> for the account at <paramref name="target"/>, creating it unless <paramref name="readOnly"/> (-WhatIf).</summary>
        public static CdbCustomerLedger Open(string path, Uri target, bool readOnly)
        {
            if (!File.Exists(path))
            {
                var salt = new byte[16];
                using (var random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(salt);
                }

                if (!readOnly)
                {
                    WriteNew(path, $"{Format} {target.AbsoluteUri} {Convert.ToBase64String(salt)}\n");
                }

                return new CdbCustomerLedger(path, salt) { _readOnly = readOnly };
            }

            string text = File.ReadAllText(path, new UTF8Encoding(false));
            CdbCustomerLedger ledger = Parse(path, target, text);
            ledger._readOnly = readOnly;
            if (!readOnly && text.Length > 0 && !text.EndsWith("\n", StringComparison.Ordinal))
            {
                // A line cut short by a crash: end it, so the next record starts on its own line.
                Append(path, "\n");
            }

            return ledger;
        }

        /// <summary>The key of a customer as sent, hashed: forename, surname and the set of addresses.</summary>
        public string KeyOf(Customer customer)
        {
            string addresses = string.Join("\u001e", customer.Email.Select(a => a.Trim().ToLowerInvariant()).Distinct().OrderBy(a => a, StringComparer.Ordinal));
            string key = $"{customer.Forename.Trim().ToLowerInvariant()}\u001f{customer.Surname.Trim().ToLowerInvariant()}\u001f{addresses}";
            using (var hmac = new HMACSHA256(_salt))
            {
                byte[] hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(key));
                return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>What an earlier run recorded for <paramref name="key"/>; false when nothing (or only a certain refusal) is recorded.</summary>
        public bool TryRecall(string key, out LedgerState state, out int customerId, out DateTimeOffset at)
        {
            state = LedgerState.NotCreated;
            customerId = 0;
            at = default;
            if (!_entries.TryGetValue(key, out Entry entry) || entry.State == LedgerState.NotCreated)
            {
                return false;
            }

            state = entry.State;
            customerId = entry.CustomerId;
            at = entry.At;
            return true;
        }

        /// <summary>Written and flushed to disk before the POST; throws (and nothing must be sent) when it cannot be.</summary>
        public void Sending(string key, DateTimeOffset now) => Record(key, new Entry(LedgerState.Sending, 0, now));

        public void Created(string key, int customerId, DateTimeOffset now) => Record(key, new Entry(LedgerState.Created, customerId, now));

        /// <summary>The server certainly did not create it (a refusal, or the request never left): it may be sent again.</summary>
        public void NotCreated(string key, DateTimeOffset now) => Record(key, new Entry(LedgerState.NotCreated, 0, now));

        private void Record(string key, Entry entry)
        {
            _entries[key] = entry;
            if (_readOnly)
            {
                return;
            }

            string id = entry.State == LedgerState.Created ? entry.CustomerId.ToString(CultureInfo.InvariantCulture) : "-";
            Append(Path, $"{Code(entry.State)} {key} {id} {entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\n");
        }

        private static CdbCustomerLedger Parse(string path, Uri target, string text)
        {
            string[] lines = text.Split('\n');
            string[] header = lines[0].Split(' ');
            if (header.Length != 3 || header[0] != Format)
            {
                throw new InvalidDataException($"'{path}' is not a CrmPS customer ledger. Use another -LedgerPath.");
            }

            if (!string.Equals(header[1], target.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"The ledger '{path}' records customers created in {header[1]}, not {target.AbsoluteUri}. Use another -LedgerPath for this account.");
            }

            var ledger = new CdbCustomerLedger(path, Convert.FromBase64String(header[2]));

            // The last element is what follows the last line end: empty, or a line cut short (ignored).
            for (int i = 1; i < lines.Length - 1; i++)
            {
                string[] parts = lines[i].Split(' ');
                if (parts.Length != 4 || !TryState(parts[0], out LedgerState state)
                    || !DateTimeOffset.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
                {
                    continue;
                }

                int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int id);
                ledger._entries[parts[1]] = new Entry(state, id, at);
            }

            return ledger;
        }

        private static void WriteNew(string path, string content)
        {
            string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            string temporary = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(temporary, content, new UTF8Encoding(false));
            File.Move(temporary, path);
        }

        private static void Append(string path, string line)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
        }

        private static string Code(LedgerState state) => state == LedgerState.Created ? "C" : state == LedgerState.Sending ? "S" : "N";

        private static bool TryState(string code, out LedgerState state)
        {
            switch (code)
            {
                case "C":
                    state = LedgerState.Created;
                    return true;
                case "S":
                    state = LedgerState.Sending;
                    return true;
                case "N":
                    state = LedgerState.NotCreated;
                    return true;
                default:
                    state = LedgerState.NotCreated;
                    return false;
            }
        }

        private readonly struct Entry
        {
            public Entry(LedgerState state, int customerId, DateTimeOffset at)
            {
                State = state;
                CustomerId = customerId;
                At = at;
            }

            public LedgerState State { get; }

            public int CustomerId { get; }

            public DateTimeOffset At { get; }
        }
    }

    internal enum LedgerState
    {
        /// <summary>Sent, and no clear answer recorded: it may or may not exist.</summary>
        Sending,

        Created,

        NotCreated,
    }
}
