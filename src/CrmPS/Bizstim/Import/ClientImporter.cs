using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Streams rows into batches of the plan's size, paces them to the plan's hourly budget, sends
    /// them, verifies rows whose batch got an ambiguous reply, and hands back one ImportResult per
    /// row in input order as soon as it is final. Never holds more than two batches of rows (the one
    /// being read and the one in flight) plus the results waiting on them.
    /// </summary>
    internal sealed class ClientImporter
    {
        private const int MaxResendsAfterRefusal = 3;
        private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan DefaultRefusalWait = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan LookupSpacing = TimeSpan.FromMilliseconds(100);

        private readonly BizstimConnection _connection;
        private readonly BizstimApi _api;
        private readonly IImportHost _host;
        private readonly MessageQueue _log;
        private readonly System.Threading.CancellationToken _cancel;
        private readonly int? _requestedBatchSize;
        private readonly ImportCheckpoint _checkpoint;
        private readonly List<PendingRow> _buffer = new List<PendingRow>();
        private readonly Queue<ImportResult> _inOrder = new Queue<ImportResult>();
        private readonly HashSet<ImportResult> _final = new HashSet<ImportResult>();
        private readonly ImportProgress _progress = new ImportProgress();
        private BatchInFlight _sending;

        public ClientImporter(BizstimConnection connection, int? batchSize, ImportCheckpoint checkpoint, IImportHost host, MessageQueue log, System.Threading.CancellationToken cancel)
        {
            _connection = connection;
            _api = connection.Api;
            _requestedBatchSize = batchSize;
            _checkpoint = checkpoint;
            _host = host;
            _log = log;
            _cancel = cancel;
        }

        public int BatchSize => Math.Min(_requestedBatchSize ?? int.MaxValue, _connection.MaxClientsPerOperation);

        public IEnumerable<ImportResult> AddValid(ClientRow row, uint hash, ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            Buffer(new PendingRow(row, hash, result));
            return Ready();
        }

        public IEnumerable<ImportResult> AddInvalid(ImportResult result)
        {
            _progress.RowsRead++;
            _progress.NotImported++;
            result.Status = ImportStatus.Invalid;
            _inOrder.Enqueue(result);
            _final.Add(result);
            return Ready();
        }

        /// <summary>A row -SkipExisting leaves out (its Status, Message and ids already set): never sent, final at once, in input order.</summary>
        public IEnumerable<ImportResult> AddExisting(ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            _final.Add(result);
            return Ready();
        }

        /// <summary>A row the checkpoint says was settled in an earlier run: reported again, never sent.</summary>
        public IEnumerable<ImportResult> AddSettledEarlier(ImportResult result, ImportStatus status)
        {
            _progress.RowsRead++;
            result.Status = status;
            result.Message = status == ImportStatus.Imported
                ? "Imported in an earlier run (recorded in the checkpoint); not sent again."
                : "Unverified in an earlier run (recorded in the checkpoint); not sent again: check it in Bizstim.";
            CountOutcome(status, 1);
            _inOrder.Enqueue(result);
            _final.Add(result);
            return Ready();
        }

        /// <summary>A row that was in flight when an earlier run stopped: looked up before it may be sent again.</summary>
        public IEnumerable<ImportResult> AddInFlightEarlier(ClientRow row, uint hash, ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            var pending = new PendingRow(row, hash, result);
            Verify(new List<PendingRow> { pending }, 0, "the earlier run stopped while its batch was in flight");
            return Ready();
        }

        public IEnumerable<ImportResult> Complete()
        {
            while (_buffer.Count > 0 || _sending != null)
            {
                if (_buffer.Count > 0)
                {
                    SendBuffered(Math.Min(BatchSize, _buffer.Count));
                }
                else
                {
                    SettleSending();
                }
            }

            _progress.CurrentOperation = "Done";
            _host.ReportProgress(_progress);
            return Ready();
        }

        private void Buffer(PendingRow pending)
        {
            _buffer.Add(pending);
            while (_buffer.Count >= BatchSize)
            {
                SendBuffered(BatchSize);
            }
        }

        private List<ImportResult> Ready()
        {
            var ready = new List<ImportResult>();
            while (_inOrder.Count > 0 && _final.Remove(_inOrder.Peek()))
            {
                ready.Add(_inOrder.Dequeue());
            }

            return ready;
        }

        private void SendBuffered(int count)
        {
            var taken = _buffer.GetRange(0, count);
            _buffer.RemoveRange(0, count);
            Send(taken, confirmed: false);
        }

        /// <summary>
        /// Starts sending a batch, first settling the one still in flight. The reply is awaited only
        /// when the next batch is ready (or at the end), so reading and binding the next rows
        /// overlaps the round trip; Bizstim still receives one batch at a time.
        /// </summary>
        private void Send(List<PendingRow> items, bool confirmed)
        {
            SettleSending();
            var batch = new ClientBatch(items.Select(i => i.Row).ToList());
            if (!confirmed)
            {
                string declined = _host.DeclineReason(batch);
                if (declined != null)
                {
                    Finish(items, ImportStatus.Skipped, 0, declined);
                    return;
                }
            }

            _checkpoint?.MarkInFlight(items.Select(i => (i.Row.RowNumber, i.Hash)));
            _sending = Start(items, batch, attempt: 0);
        }

        private BatchInFlight Start(List<PendingRow> items, ClientBatch batch, int attempt)
        {
            WaitForBudget();
            _connection.Budget.Spend(_connection.Clock.UtcNow);
            _progress.BatchesSent++;
            int batchNumber = _progress.BatchesSent;
            _progress.CurrentOperation = $"Sending batch {batchNumber} ({batch.RowRange}, {batch.Count} clients)";
            _host.ReportProgress(_progress);
            return new BatchInFlight(items, batch, batchNumber, attempt, _api.ImportAsync(batch, _log, _cancel));
        }

        /// <summary>Waits for the batch in flight, and for any batch its outcome sends in turn, and settles their rows.</summary>
        private void SettleSending()
        {
            while (_sending != null)
            {
                BatchInFlight sent = _sending;
                _sending = null;
                Settle(sent);
            }
        }

        private void Settle(BatchInFlight sent)
        {
            ImportOutcome outcome;
            try
            {
                outcome = _host.Wait(sent.Reply);
            }
            catch (CrmApiException error) when (error.MayHaveReachedServer)
            {
                Verify(sent.Items, sent.Number, error.Message);
                return;
            }
            catch (CrmApiException error)
            {
                _host.BatchError(error, sent.Batch, InputRows(sent.Items));
                Finish(sent.Items, ImportStatus.Failed, sent.Number, error.Message);
                return;
            }

            switch (outcome.Kind)
            {
                case ImportOutcomeKind.Imported:
                    Finish(sent.Items, ImportStatus.Imported, sent.Number, outcome.Message);
                    return;

                case ImportOutcomeKind.Partial:
                    Verify(sent.Items, sent.Number, $"Bizstim said: {outcome.Message}");
                    return;

                case ImportOutcomeKind.TrialLimit when sent.Batch.Count > BizstimPlanLimits.MaxClientsPerOperation(BizstimPlan.Trial) || _connection.Plan != BizstimPlan.Trial:
                    SwitchToTrial(outcome.Message);
                    ResendInTrialBatches(sent.Items);
                    return;
            }

            // Refused without processing (the hour is spent): safe to send again once the window reopens.
            if (sent.Attempt >= MaxResendsAfterRefusal)
            {
                var refused = CrmApiException.FromResponse(
                    BizstimConnection.ServiceName,
                    new ApiResponse("POST", "api/clients", 429, "Too Many Requests", null, outcome.Message, outcome.RetryAfter),
                    outcome.Message);
                _host.BatchError(refused, sent.Batch, InputRows(sent.Items));
                Finish(sent.Items, ImportStatus.Failed, sent.Number, refused.Message);
                return;
            }

            DateTimeOffset now = _connection.Clock.UtcNow;
            TimeSpan wait = outcome.RetryAfter ?? DefaultRefusalWait;
            _log.Verbose($"Bizstim refused batch {sent.Number} because the hourly limit is spent; waiting {wait.TotalSeconds:0} s before sending it again.");
            _connection.Budget.ExhaustUntil(now, now + wait);
            _sending = Start(sent.Items, sent.Batch, sent.Attempt + 1);
        }

        /// <summary>
        /// After an ambiguous reply, looks each row up before doing anything else: found rows are
        /// imported, rows certainly absent are sent once more in a later batch, and rows that
        /// cannot be told apart are Unverified with the reason.
        /// </summary>
        private void Verify(List<PendingRow> items, int batchNumber, string reason)
        {
            if (batchNumber > 0)
            {
                _host.Warn($"Batch {batchNumber} (rows {string.Join(", ", items.Select(i => i.Row.RowNumber))}) got an ambiguous reply ({reason}). Looking each row up before sending anything else.");
            }

            var resend = new List<PendingRow>();
            var notImported = new List<PendingRow>();
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    _host.Wait(_connection.Clock.Delay(LookupSpacing, _cancel));
                }

                PendingRow item = items[i];
                switch (Look(item.Row, out string detail))
                {
                    case Presence.Found:
                        Finish(new List<PendingRow> { item }, ImportStatus.Imported, batchNumber, $"Imported: confirmed by looking up its e-mail after an ambiguous reply ({reason}).");
                        break;
                    case Presence.Absent when !item.Resent:
                        item.Resent = true;
                        resend.Add(item);
                        break;
                    case Presence.Absent:
                        Finish(new List<PendingRow> { item }, ImportStatus.Failed, batchNumber, $"Not stored: sent twice, each time with an ambiguous reply ({reason}), and not found by lookup.");
                        notImported.Add(item);
                        break;
                    default:
                        Finish(new List<PendingRow> { item }, ImportStatus.Unverified, batchNumber, $"The reply was ambiguous ({reason}) and {detail}");
                        notImported.Add(item);
                        break;
                }
            }

            if (resend.Count > 0)
            {
                _log.Verbose($"Rows {string.Join(", ", resend.Select(r => r.Row.RowNumber))} were not found after the ambiguous reply; sending them again in a later batch.");
                _buffer.InsertRange(0, resend);
            }

            if (notImported.Count > 0)
            {
                var batch = new ClientBatch(notImported.Select(i => i.Row).ToList());
                _host.BatchError(
                    new CrmApiException(BizstimConnection.ServiceName, "BizstimImportUnverified", ErrorCategory.InvalidResult, $"{batch.Count} row(s) of an ambiguous batch could not be confirmed ({batch.RowRange}): {reason} See each row's Message in the results."),
                    batch,
                    InputRows(notImported));
            }
        }

        private enum Presence
        {
            Found,
            Absent,
            Unknown,
        }

        private Presence Look(ClientRow row, out string detail)
        {
            detail = null;
            string email = row.FixedValues[ClientColumns.Email].Split(',', ';').Select(e => e.Trim()).FirstOrDefault(e => e.Length > 0);
            string first = row.FixedValues[ClientColumns.FirstName];
            string last = row.FixedValues[ClientColumns.LastName];
            try
            {
                if (email != null)
                {
                    var byEmail = new[] { new KeyValuePair<string, string>("email", email) };
                    return _host.Wait(_api.FindClientAsync(byEmail, _log, _cancel)) != null ? Presence.Found : Presence.Absent;
                }

                var byName = new[] { new KeyValuePair<string, string>("first_name", first), new KeyValuePair<string, string>("last_name", last) };
                if (_host.Wait(_api.FindClientAsync(byName, _log, _cancel)) == null)
                {
                    return Presence.Absent;
                }

                detail = $"a client named {first} {last} exists, but the row has no e-mail, so CrmPS cannot tell whether it is this row. Check it in Bizstim (Get-BizstimClient -FirstName '{first}' -LastName '{last}') before importing it again.";
                return Presence.Unknown;
            }
            catch (CrmApiException error)
            {
                detail = $"looking the row up failed too ({error.Message}). Check it in Bizstim before importing it again.";
                return Presence.Unknown;
            }
        }

        private static IReadOnlyList<object> InputRows(IEnumerable<PendingRow> items) =>
            items.Select(i => i.Row.Source).ToList();

        private void ResendInTrialBatches(List<PendingRow> items)
        {
            int size = Math.Min(BatchSize, BizstimPlanLimits.MaxClientsPerOperation(BizstimPlan.Trial));
            for (int i = 0; i < items.Count; i += size)
            {
                Send(items.GetRange(i, Math.Min(size, items.Count - i)), confirmed: true);
            }
        }

        private void SwitchToTrial(string serverMessage)
        {
            if (_connection.Plan == BizstimPlan.Trial)
            {
                return;
            }

            _connection.Plan = BizstimPlan.Trial;
            _host.Warn($"Bizstim answered \"{serverMessage}\": this is a trial account. The connection now uses Trial limits ({BizstimPlanLimits.MaxClientsPerOperation(BizstimPlan.Trial)} clients per operation, {BizstimPlanLimits.OperationsPerHour(BizstimPlan.Trial)} operations per hour); connect with -Plan Trial to start that way.");
        }

        private void WaitForBudget()
        {
            IClock clock = _connection.Clock;
            bool waited = false;
            while (true)
            {
                DateTimeOffset now = clock.UtcNow;
                TimeSpan remaining = _connection.Budget.WaitBeforeNext(now);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                if (!waited)
                {
                    _log.Verbose($"The {_connection.Plan} plan allows {_connection.OperationsPerHour} operations per hour and all are spent; waiting {remaining.TotalMinutes:0.0} min for the window to reopen.");
                }

                waited = true;
                _host.ReportWait(remaining, now + remaining, _connection.Budget.Used(now), _connection.Budget.Capacity);
                _host.Wait(clock.Delay(remaining < WaitSlice ? remaining : WaitSlice, _cancel));
            }

            if (waited)
            {
                _host.EndWait();
            }
        }

        private void Finish(List<PendingRow> items, ImportStatus status, int batchNumber, string message)
        {
            foreach (PendingRow item in items)
            {
                item.Result.Status = status;
                item.Result.Batch = batchNumber;
                item.Result.Message = message;
                _final.Add(item.Result);
            }

            CountOutcome(status, items.Count);
            _checkpoint?.Settle(items.Select(i => (i.Row.RowNumber, i.Hash, status)));
            _host.ReportProgress(_progress);
        }

        private void CountOutcome(ImportStatus status, int count)
        {
            if (status == ImportStatus.Imported)
            {
                _progress.Imported += count;
            }
            else
            {
                _progress.NotImported += count;
            }
        }
    }
}
