using System;
using System.Collections.Generic;
using System.Linq;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// The match keys of the clients already in Bizstim and of the rows admitted so far, for
    /// -SkipExisting. Keeps no client data: each key (a trimmed, lower-cased e-mail address, or
    /// first and last name) is kept as a 64-bit hash with the client's id, 12 bytes a key in two
    /// sorted arrays, so a million clients with an address and a name take about 24 MB. The
    /// chance that two different keys share a hash is below one in ten million at that size.
    /// </summary>
    internal sealed class ExistingClientIndex
    {
        private const ulong FnvOffset = 14695981039346656037;
        private const ulong FnvPrime = 1099511628211;

        private readonly ClientMatchKey _matchOn;
        private readonly Dictionary<ulong, long> _rowsAdmitted = new Dictionary<ulong, long>();
        private ulong[] _existingKeys = new ulong[1024];
        private int[] _existingIds = new int[1024];
        private int _existingCount;
        private bool _sealed;

        public ExistingClientIndex(ClientMatchKey matchOn)
        {
            _matchOn = matchOn;
        }

        /// <summary>How many existing clients were added.</summary>
        public long ClientsRead { get; private set; }

        /// <summary>Adds a client read from Bizstim; call <see cref="Seal"/> once all are in.</summary>
        public void AddExisting(Client client)
        {
            if (_sealed)
            {
                throw new InvalidOperationException("The index of existing clients is sealed.");
            }

            ClientsRead++;
            if (_matchOn != ClientMatchKey.Name)
            {
                foreach (string address in CellValues.Addresses(new[] { client.Email }))
                {
                    AddExistingKey(EmailKey(address), client.Id);
                }
            }

            if (_matchOn != ClientMatchKey.Email && HasName(client.FirstName, client.LastName))
            {
                AddExistingKey(NameKey(client.FirstName, client.LastName), client.Id);
            }
        }

        /// <summary>Sorts the keys of existing clients for lookups; where several clients share a key, the lowest id is kept.</summary>
        public void Seal()
        {
            Array.Sort(_existingKeys, _existingIds, 0, _existingCount);
            int kept = 0;
            for (int i = 0; i < _existingCount; i++)
            {
                if (kept > 0 && _existingKeys[kept - 1] == _existingKeys[i])
                {
                    _existingIds[kept - 1] = Math.Min(_existingIds[kept - 1], _existingIds[i]);
                    continue;
                }

                _existingKeys[kept] = _existingKeys[i];
                _existingIds[kept] = _existingIds[i];
                kept++;
            }

            _existingCount = kept;
            _sealed = true;
        }

        /// <summary>
        /// Whether a row is already in Bizstim or repeats a row admitted earlier; null when it is new.
        /// A new row is remembered, so a later row with the same key is reported as its repeat.
        /// </summary>
        public ClientMatch Admit(long rowNumber, string email, string firstName, string lastName)
        {
            List<(ulong Key, string Described)> keys = KeysOf(email, firstName, lastName);
            foreach (var (key, described) in keys)
            {
                int index = FindExisting(key);
                if (index >= 0)
                {
                    return new ClientMatch(_existingIds[index], null, described);
                }
            }

            foreach (var (key, described) in keys)
            {
                if (_rowsAdmitted.TryGetValue(key, out long earlierRow))
                {
                    return new ClientMatch(null, earlierRow, described);
                }
            }

            Remember(rowNumber, email, firstName, lastName);
            return null;
        }

        /// <summary>
        /// Remembers a row sent (or settled in an earlier run), so its repeats are caught: by its
        /// addresses, and under EmailOrName also by its name, as an existing client would be.
        /// </summary>
        public void Remember(long rowNumber, string email, string firstName, string lastName)
        {
            var keys = KeysOf(email, firstName, lastName).Select(k => k.Item1).ToList();
            if (_matchOn == ClientMatchKey.EmailOrName && keys.Count > 0 && CellValues.Addresses(new[] { email }).Length > 0 && HasName(firstName, lastName))
            {
                keys.Add(NameKey(firstName, lastName));
            }

            foreach (ulong key in keys)
            {
                if (!_rowsAdmitted.ContainsKey(key))
                {
                    _rowsAdmitted[key] = rowNumber;
                }
            }
        }

        private List<(ulong, string)> KeysOf(string email, string firstName, string lastName)
        {
            var keys = new List<(ulong, string)>();
            string[] addresses = _matchOn == ClientMatchKey.Name ? new string[0] : CellValues.Addresses(new[] { email });
            foreach (string address in addresses)
            {
                keys.Add((EmailKey(address), $"the e-mail {address.Trim()}"));
            }

            bool byName = _matchOn == ClientMatchKey.Name || (_matchOn == ClientMatchKey.EmailOrName && addresses.Length == 0);
            if (byName && HasName(firstName, lastName))
            {
                string described = _matchOn == ClientMatchKey.Name
                    ? $"the name {firstName?.Trim()} {lastName?.Trim()}"
                    : $"the name {firstName?.Trim()} {lastName?.Trim()} (the row has no e-mail)";
                keys.Add((NameKey(firstName, lastName), described));
            }

            return keys;
        }

        private int FindExisting(ulong key)
        {
            if (!_sealed)
            {
                Seal();
            }

            return Array.BinarySearch(_existingKeys, 0, _existingCount, key);
        }

        private void AddExistingKey(ulong key, int id)
        {
            if (_existingCount == _existingKeys.Length)
            {
                Array.Resize(ref _existingKeys, _existingKeys.Length * 2);
                Array.Resize(ref _existingIds, _existingIds.Length * 2);
            }

            _existingKeys[_existingCount] = key;
            _existingIds[_existingCount] = id;
            _existingCount++;
        }

        private static bool HasName(string firstName, string lastName) =>
            !string.IsNullOrWhiteSpace(firstName) || !string.IsNullOrWhiteSpace(lastName);

        internal static ulong EmailKey(string address) => Hash(Add(FnvOffset, 'e', address));

        internal static ulong NameKey(string firstName, string lastName) =>
            Hash(Add(Add(FnvOffset, 'n', firstName), '\u001f', lastName));

        private static ulong Add(ulong hash, char separator, string text)
        {
            hash = (hash ^ separator) * FnvPrime;
            foreach (char c in (text ?? string.Empty).Trim())
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
            }

            return hash;
        }

        // FNV-1a spreads short keys well in its high bits only; a final mix spreads them over all 64.
        private static ulong Hash(ulong hash)
        {
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccd;
            hash ^= hash >> 33;
            hash *= 0xc4ceb9fe1a85ec53;
            hash ^= hash >> 33;
            return hash;
        }
    }

    /// <summary>Why a row is skipped: the id of the client in Bizstim that has the key, or the earlier row of the input that had it.</summary>
    internal sealed class ClientMatch
    {
        public ClientMatch(int? existingId, long? earlierRow, string described)
        {
            ExistingId = existingId;
            EarlierRow = earlierRow;
            Described = described;
        }

        public int? ExistingId { get; }

        public long? EarlierRow { get; }

        /// <summary>"the e-mail ann@example.com", "the name Ann Lee (the row has no e-mail)".</summary>
        public string Described { get; }
    }
}
