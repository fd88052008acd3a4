using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Tells which rows of an import Bizstim stored, by reading the clients added since the import
    /// began: the list is in creation order and only grows at the end (the API has no delete), so
    /// every client at an offset at or past the total read before the first batch is new. One
    /// page read answers for a whole batch (instead of one lookup per row), a row without an
    /// e-mail can be recognised among the new clients, and a row stored twice shows as two.
    /// </summary>
    internal sealed class NewClientReader
    {
        private readonly BizstimApi _api;
        private readonly IImportHost _host;
        private readonly MessageQueue _log;
        private readonly CancellationToken _cancel;
        private readonly HashSet<int> _claimed = new HashSet<int>();
        private long? _baseline;

        public NewClientReader(BizstimApi api, IImportHost host, MessageQueue log, CancellationToken cancel)
        {
            _api = api;
            _host = host;
            _log = log;
            _cancel = cancel;
        }

        /// <summary>How many clients the account held before this import sent anything; null until read.</summary>
        public long? Baseline => _baseline;

        /// <summary>
        /// Takes a count read before anything was sent (the -SkipExisting pre-read), instead of reading it
        /// again. A count lower than the real one only means reading a few more clients back.
        /// </summary>
        public void UseBaseline(long clientCount)
        {
            _baseline = _baseline ?? clientCount;
        }

        /// <summary>Reads the account's client count once, before the first batch is sent.</summary>
        public void ReadBaseline()
        {
            if (_baseline.HasValue)
            {
                return;
            }

            Page<Client> first;
            try
            {
                first = _host.Wait(_api.GetClientsAsync(0, 1, _log, _cancel));
            }
            catch (CrmApiException ex)
            {
                throw new CrmApiException(
                    BizstimConnection.ServiceName,
                    "BizstimImportNotStarted",
                    ex.Category,
                    $"Could not read how many clients the account holds before sending the first batch (CrmPS needs it to tell which rows Bizstim stored if a reply goes missing), so nothing was sent: {ex.Message}",
                    ex.StatusCode,
                    inner: ex);
            }

            _baseline = first.Total;
            _log.Verbose($"The account holds {first.Total} clients before this import; clients past that offset are the ones it adds.");
        }

        /// <summary>Every client stored at or after <paramref name="offset"/> (at least the baseline), read page by page.</summary>
        public List<Client> ReadFrom(long offset)
        {
            long start = Math.Max(offset, _baseline ?? 0);
            var clients = new List<Client>();
            while (true)
            {
                Page<Client> page = _host.Wait(_api.GetClientsAsync((int)Math.Min(start, int.MaxValue), BizstimApi.MaxPageSize, _log, _cancel));
                clients.AddRange(page.Items);
                start += page.Items.Count;
                if (page.Items.Count == 0 || start >= page.Total)
                {
                    return clients;
                }
            }
        }

        /// <summary>
        /// The new client that is this row and not already counted for another row; null when there
        /// is none. A client found is claimed, so two identical rows need two clients.
        /// </summary>
        public Client Claim(ClientRow row, IEnumerable<Client> clients)
        {
            string key = KeyOf(row);
            Client match = clients.FirstOrDefault(c => !_claimed.Contains(c.Id) && KeyOf(c) == key);
            if (match != null)
            {
                _claimed.Add(match.Id);
            }

            return match;
        }

        public bool IsClaimed(int id) => _claimed.Contains(id);

        /// <summary>Marks clients as accounted for by rows of this import, so no other row is found as them.</summary>
        public void ClaimAll(IEnumerable<int> ids) => _claimed.UnionWith(ids);

        /// <summary>Every new client that is this row, claimed or not (a row stored twice shows as two).</summary>
        public static List<Client> AllMatching(ClientRow row, IEnumerable<Client> clients)
        {
            string key = KeyOf(row);
            return clients.Where(c => KeyOf(c) == key).ToList();
        }

        public static string KeyOf(ClientRow row) =>
            Key(row.FixedValues[ClientColumns.FirstName], row.FixedValues[ClientColumns.LastName], row.FixedValues[ClientColumns.Email]);

        private static string KeyOf(Client client) => Key(client.FirstName, client.LastName, client.Email);

        private static string Key(string first, string last, string email) =>
            string.Join("\n", Normal(first), Normal(last), Normal(FirstAddress(email)));

        private static string FirstAddress(string email) =>
            (email ?? string.Empty).Split(',', ';').Select(e => e.Trim()).FirstOrDefault(e => e.Length > 0) ?? string.Empty;

        private static string Normal(string text) => (text ?? string.Empty).Trim().ToLowerInvariant();
    }
}
