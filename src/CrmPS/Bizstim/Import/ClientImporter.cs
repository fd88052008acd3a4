using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Streams rows into batches of the plan's size, paces them to the plan's hourly budget, sends
    /// them, reconciles rows whose batch got an ambiguous reply, and hands each row's ImportResult
    /// to the host, in input order, as soon as it is final. Never holds more than two batches of
    /// rows (the one being read and the one in flight) plus the results waiting on them.
    /// </summary>
    /// <remarks>
    /// Results are never held back: a batch whose reply has arrived is settled at the next row, and
    /// everything answered is settled and written before a row error, before a wait for the hourly
    /// window and at the end (<see cref="SettleBeforeStop"/>). The one delay: when a full batch waits
    /// for the reply to the one in flight and Bizstim imports that one, its results are written just
    /// after the waiting batch is sent (its status and checkpoint are settled before), so writing them
    /// overlaps the next round trip; not when the host may prompt before a batch (-Confirm).
    /// </remarks>
    internal sealed class ClientImporter
    {
        private const int MaxResendsAfterRefusal = 3;
        private const int PollsPerSettlePeriod = 4;
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
        private readonly NewClientReader _newClients;
        private readonly List<PendingRow> _buffer = new List<PendingRow>();
        private readonly List<PendingRow> _awaitingFinalCheck = new List<PendingRow>();
        private readonly Queue<ImportResult> _inOrder = new Queue<ImportResult>();
        private readonly HashSet<ImportResult> _final = new HashSet<ImportResult>();
        private readonly RowRanges _importedRows = new RowRanges();
        private readonly ImportProgress _progress = new ImportProgress();
        private BatchInFlight _sending;

        /// <summary>Set while a full batch waits to be sent: the results of an imported batch are written once it is on its way.</summary>
        private bool _writeImportedAfterNextSend;

        /// <summary>Rows this run has seen stored (after the baseline was read): the lower bound of where the next row can appear in the list.</summary>
        private long _storedThisRun;

        public ClientImporter(BizstimConnection connection, int? batchSize, ImportCheckpoint checkpoint, IImportHost host, MessageQueue log, System.Threading.CancellationToken cancel)
        {
            _connection = connection;
            _api = connection.Api;
            _requestedBatchSize = batchSize;
            _checkpoint = checkpoint;
            _host = host;
            _log = log;
            _cancel = cancel;
            _newClients = new NewClientReader(_api, host, log, cancel);
        }

        public int BatchSize => Math.Min(_requestedBatchSize ?? int.MaxValue, _connection.MaxClientsPerOperation);

        public void AddValid(ClientRow row, uint hash, ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            Buffer(new PendingRow(row, hash, result));
            SettleAnswered();
            Flush();
        }

        public void AddInvalid(ImportResult result)
        {
            _progress.RowsRead++;
            _progress.NotImported++;
            result.Status = ImportStatus.Invalid;
            _inOrder.Enqueue(result);
            _final.Add(result);
            SettleAnswered();
            Flush();
        }

        /// <summary>How many clients the account held before anything was sent, when the caller has read them already.</summary>
        public void UseKnownClientCount(long clientCount) => _newClients.UseBaseline(clientCount);

        /// <summary>A row -SkipExisting leaves out (its Status, Message and ids already set): never sent, final at once, in input order.</summary>
        public void AddExisting(ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            _final.Add(result);
            SettleAnswered();
            Flush();
        }

        /// <summary>A row the checkpoint says was settled in an earlier run: reported again, never sent.</summary>
        public void AddSettledEarlier(ImportResult result, ImportStatus status)
        {
            _progress.RowsRead++;
            result.Status = status;
            result.Message = status == ImportStatus.Imported
                ? "Imported in an earlier run (recorded in the checkpoint); not sent again."
                : $"{status} in an earlier run (recorded in the checkpoint); not sent again: check it in Bizstim.";
            CountOutcome(status, 1);
            _inOrder.Enqueue(result);
            _final.Add(result);
            SettleAnswered();
            Flush();
        }

        /// <summary>A row that was in flight when an earlier run stopped: looked up before it may be sent again.</summary>
        public void AddInFlightEarlier(ClientRow row, uint hash, ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            var pending = new PendingRow(row, hash, result);
            LookUpEach(new List<PendingRow> { pending }, 0, "the earlier run stopped while its batch was in flight");
            Flush();
        }

        public void Complete()
        {
            while (_buffer.Count > 0 || _sending != null)
            {
                if (_buffer.Count > 0)
                {
                    SendBuffered();
                }
                else
                {
                    SettleSending();
                }
            }

            CheckResentRows();
            _progress.CurrentOperation = "Done";
            _host.ReportProgress(_progress);
            Flush();
        }

        /// <summary>
        /// Settles the batch in flight and every check still due, and writes every result that is
        /// final, before the import may stop (a row error under -ErrorAction Stop, a checkpoint
        /// mismatch); returns what the error record should say about the rows so far.
        /// </summary>
        public string SettleBeforeStop(long currentRow)
        {
            SettleSending();
            CheckResentRows();
            Flush();
            return DescribeRowsSoFar(currentRow);
        }

        /// <summary>What an error record says about the rows so far: which were imported, and which were read but not sent.</summary>
        private string DescribeRowsSoFar(long? rowInError)
        {
            IEnumerable<long> waiting = _buffer.Select(p => p.Row.RowNumber);
            if (rowInError.HasValue)
            {
                waiting = waiting.Concat(new[] { rowInError.Value });
            }

            var notSent = RowRanges.Of(waiting);
            long lastRead = Math.Max(_progress.RowsRead, rowInError ?? 0);
            return $"Before this error, {(_importedRows.IsEmpty ? "no row was" : _importedRows + " were")} imported (each has its result); "
                + $"not sent: {(notSent.IsEmpty ? "no row read so far" : notSent.ToString())}, and any row after row {lastRead} if the import stops here.";
        }

        private void Buffer(PendingRow pending)
        {
            _buffer.Add(pending);
            while (_buffer.Count >= BatchSize)
            {
                SendBuffered();
            }
        }

        /// <summary>
        /// Settles the batch in flight if its reply has already arrived, and the final check of rows
        /// sent twice once it is due, so their results go out with the next row rather than at the end.
        /// </summary>
        private void SettleAnswered()
        {
            if (_sending != null && _sending.Reply.IsCompleted)
            {
                SettleSending();
            }

            if (_awaitingFinalCheck.Count > 0 && _connection.Clock.UtcNow >= FinalCheckDue())
            {
                CheckResentRows();
            }
        }

        private DateTimeOffset FinalCheckDue() =>
            _awaitingFinalCheck.Max(i => i.GaveUpAt.Value) + _connection.SettlePeriod + _connection.SettlePeriod;

        private void Flush()
        {
            while (_inOrder.Count > 0 && _final.Remove(_inOrder.Peek()))
            {
                _host.Emit(_inOrder.Dequeue());
            }
        }

        private void SendBuffered()
        {
            // The next batch's body is written while the batch in flight is answered; used if settling that batch leaves the buffer's head as it was.
            ClientBatch prepared = null;
            if (_sending != null && !_sending.Reply.IsCompleted)
            {
                prepared = new ClientBatch(_buffer.GetRange(0, Math.Min(BatchSize, _buffer.Count)).Select(i => i.Row).ToList());
                prepared.JsonAsync();
            }

            _writeImportedAfterNextSend = !_host.MayPrompt;
            try
            {
                // Settled first, so rows to send again go to the front, and no row is held outside the buffer while waiting.
                SettleSending();
                int take = Math.Min(BatchSize, _buffer.Count);
                if (take == 0)
                {
                    return;
                }

                var taken = _buffer.GetRange(0, take);
                _buffer.RemoveRange(0, take);
                Send(taken, confirmed: false, prepared != null && SameRows(prepared, taken) ? prepared : null);
            }
            finally
            {
                _writeImportedAfterNextSend = false;
                Flush();
            }
        }

        private static bool SameRows(ClientBatch batch, List<PendingRow> items)
        {
            if (batch.Count != items.Count)
            {
                return false;
            }

            for (int i = 0; i < items.Count; i++)
            {
                if (!ReferenceEquals(batch.Rows[i], items[i].Row))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Starts sending a batch, first settling the one still in flight. The reply is awaited when
        /// the next batch is ready, when a row error must be written, or at the end, so reading and
        /// binding the next rows overlaps the round trip; Bizstim still receives one batch at a time.
        /// </summary>
        private void Send(List<PendingRow> items, bool confirmed, ClientBatch prepared = null)
        {
            SettleSending();
            var batch = prepared ?? new ClientBatch(items.Select(i => i.Row).ToList());
            if (!confirmed)
            {
                string declined = _host.DeclineReason(batch);
                if (declined != null)
                {
                    Finish(items, ImportStatus.Skipped, 0, declined);
                    return;
                }
            }

            _newClients.ReadBaseline();
            foreach (PendingRow item in items.Where(i => i.ListedFrom == null))
            {
                item.ListedFrom = _newClients.Baseline + _storedThisRun;
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
                Reconcile(sent.Items, sent.Number, error.Message, stillProcessing: true);
                return;
            }
            catch (CrmApiException error)
            {
                Finish(sent.Items, ImportStatus.Failed, sent.Number, error.Message);
                BatchError(error, sent.Items);
                return;
            }

            switch (outcome.Kind)
            {
                case ImportOutcomeKind.Imported:
                    Confirmed(sent.Items, sent.Number, outcome.Message);
                    return;

                case ImportOutcomeKind.Partial:
                    Reconcile(sent.Items, sent.Number, $"Bizstim said: {outcome.Message}", stillProcessing: false);
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
                Finish(sent.Items, ImportStatus.Failed, sent.Number, refused.Message);
                BatchError(refused, sent.Items);
                return;
            }

            DateTimeOffset now = _connection.Clock.UtcNow;
            TimeSpan wait = outcome.RetryAfter ?? DefaultRefusalWait;
            _log.Verbose($"Bizstim refused batch {sent.Number} because the hourly limit is spent; waiting {wait.TotalSeconds:0} s before sending it again.");
            _connection.Budget.ExhaustUntil(now, now + wait);
            _sending = Start(sent.Items, sent.Batch, sent.Attempt + 1);
        }

        /// <summary>
        /// Bizstim confirmed the batch. A row in it that was sent before without a clear answer may
        /// still be committed from that first send: it is checked once more before it is reported.
        /// </summary>
        private void Confirmed(List<PendingRow> items, int batchNumber, string message)
        {
            var resentAfterSilence = items.Where(i => i.GaveUpAt.HasValue).ToList();
            _awaitingFinalCheck.AddRange(resentAfterSilence);
            Finish(items.Where(i => !i.GaveUpAt.HasValue).ToList(), ImportStatus.Imported, batchNumber, message, write: !_writeImportedAfterNextSend);
            foreach (PendingRow item in resentAfterSilence)
            {
                item.Result.Batch = batchNumber;
            }
        }

        /// <summary>
        /// After an ambiguous reply, reads the clients added since the import began and matches the
        /// batch's rows against them. When the server may still be processing the batch (no clear
        /// answer: a timeout, a reset, a 5xx, an unreadable reply), rows not found yet are looked for
        /// again until the settle period has passed, and only then sent once more. Rows found are
        /// Imported; rows sent twice without ever being found are Unverified.
        /// </summary>
        private void Reconcile(List<PendingRow> items, int batchNumber, string reason, bool stillProcessing)
        {
            IClock clock = _connection.Clock;
            DateTimeOffset gaveUp = clock.UtcNow;
            TimeSpan settle = stillProcessing ? _connection.SettlePeriod : TimeSpan.Zero;
            DateTimeOffset deadline = gaveUp + settle;
            TimeSpan poll = TimeSpan.FromTicks(Math.Max(settle.Ticks / PollsPerSettlePeriod, TimeSpan.FromMilliseconds(100).Ticks));
            _host.Warn($"Batch {batchNumber} ({RowRanges.Of(items.Select(i => i.Row.RowNumber))}) got an ambiguous reply ({reason}). "
                + (stillProcessing
                    ? $"Bizstim may still be storing it: reading the clients added since the import began, for up to {settle.TotalSeconds:0.#} s, before sending any row of it again."
                    : "Reading the clients added since the import began before sending any row of it again."));

            var missing = new List<PendingRow>(items);
            while (true)
            {
                _progress.CurrentOperation = $"Checking which rows of batch {batchNumber} Bizstim stored";
                _host.ReportProgress(_progress);
                List<Client> added;
                try
                {
                    added = _newClients.ReadFrom(missing.Min(i => i.ListedFrom ?? 0));
                }
                catch (CrmApiException error)
                {
                    Finish(missing, ImportStatus.Unverified, batchNumber, $"The reply was ambiguous ({reason}) and reading the clients back failed too ({error.Message}). Check the row in Bizstim before importing it again.");
                    BatchError(Unverified(missing, reason), missing);
                    return;
                }

                foreach (PendingRow item in missing.ToList())
                {
                    Client found = _newClients.Claim(item.Row, added);
                    if (found == null)
                    {
                        continue;
                    }

                    missing.Remove(item);
                    item.FoundAs = found.Id;
                    item.Result.ClientIds = new[] { found.Id };
                    if (item.GaveUpAt.HasValue)
                    {
                        // Its earlier send got no clear answer either and may still land: checked again at the end.
                        item.GaveUpAt = stillProcessing ? gaveUp : item.GaveUpAt;
                        item.Result.Batch = batchNumber;
                        _awaitingFinalCheck.Add(item);
                        continue;
                    }

                    Finish(new List<PendingRow> { item }, ImportStatus.Imported, batchNumber, $"Imported: found as client {found.Id} among the clients added after an ambiguous reply ({reason}).");
                }

                TimeSpan left = deadline - clock.UtcNow;
                if (missing.Count == 0 || left <= TimeSpan.Zero)
                {
                    break;
                }

                _host.Wait(clock.Delay(left < poll ? left : poll, _cancel));
            }

            var resend = new List<PendingRow>();
            var unverified = new List<PendingRow>();
            foreach (PendingRow item in missing)
            {
                if (item.Resent)
                {
                    unverified.Add(item);
                    continue;
                }

                item.Resent = true;
                if (stillProcessing)
                {
                    item.GaveUpAt = gaveUp;
                    item.AmbiguousReason = reason;
                }

                resend.Add(item);
            }

            if (unverified.Count > 0)
            {
                Finish(unverified, ImportStatus.Unverified, batchNumber, $"Sent twice, each time with an ambiguous reply (the last: {reason}), and not found among the clients added since: it may still be stored later. Check it in Bizstim before importing it again.");
                BatchError(Unverified(unverified, reason), unverified);
            }

            if (resend.Count > 0)
            {
                _log.Verbose($"{RowRanges.Of(resend.Select(r => r.Row.RowNumber))} were not found {(stillProcessing ? $"within the settle period ({settle.TotalSeconds:0.#} s)" : "after Bizstim's answer")}; sending them again in a later batch.");
                _buffer.InsertRange(0, resend);
            }
        }

        /// <summary>
        /// The final verification: rows that were sent again after a send with no clear answer are
        /// looked for once the first send has had two settle periods to land. Found once: Imported.
        /// Found more than once: Duplicated, with the ids (Bizstim has no delete endpoint, so CrmPS
        /// cannot undo it). Not found: Unverified.
        /// </summary>
        private void CheckResentRows()
        {
            if (_awaitingFinalCheck.Count == 0)
            {
                return;
            }

            IClock clock = _connection.Clock;
            TimeSpan settle = _connection.SettlePeriod;
            TimeSpan left = FinalCheckDue() - clock.UtcNow;
            if (left > TimeSpan.Zero)
            {
                _progress.CurrentOperation = $"Waiting {left.TotalSeconds:0.#} s before checking the rows sent twice";
                _host.ReportProgress(_progress);
                _log.Verbose($"{RowRanges.Of(_awaitingFinalCheck.Select(i => i.Row.RowNumber))} were sent again after a send with no clear answer; checking in {left.TotalSeconds:0.#} s that Bizstim stored each once.");
                _host.Wait(clock.Delay(left, _cancel));
            }

            var checking = _awaitingFinalCheck.ToList();
            _awaitingFinalCheck.Clear();
            List<Client> added;
            try
            {
                added = _newClients.ReadFrom(checking.Min(i => i.ListedFrom ?? 0));
            }
            catch (CrmApiException error)
            {
                Finish(checking, ImportStatus.Unverified, checking[0].Result.Batch, $"Sent twice (the first send got no clear answer: {checking[0].AmbiguousReason}); Bizstim confirmed the second, but reading the clients back to check for a duplicate failed ({error.Message}). Check it in Bizstim.");
                BatchError(Unverified(checking, error.Message), checking);
                return;
            }

            var duplicated = new List<PendingRow>();
            foreach (var group in checking.GroupBy(i => NewClientReader.KeyOf(i.Row)))
            {
                List<PendingRow> rows = group.ToList();
                var foundAsThese = new HashSet<int>(rows.Where(r => r.FoundAs.HasValue).Select(r => r.FoundAs.Value));
                List<Client> stored = NewClientReader.AllMatching(rows[0].Row, added).Where(c => !_newClients.IsClaimed(c.Id) || foundAsThese.Contains(c.Id)).ToList();
                int[] ids = stored.Select(c => c.Id).ToArray();
                _newClients.ClaimAll(ids);
                foreach (PendingRow item in rows)
                {
                    item.Result.ClientIds = ids;
                    string history = $"Sent twice: the first send got no clear answer ({item.AmbiguousReason}) and the row was not found within the settle period ({settle.TotalSeconds:0.#} s), so it was sent again and Bizstim confirmed that.";
                    if (stored.Count > rows.Count)
                    {
                        duplicated.Add(item);
                        Finish(new List<PendingRow> { item }, ImportStatus.Duplicated, item.Result.Batch, $"{history} The first send was stored after all: Bizstim now holds it {stored.Count} times (client ids {string.Join(", ", ids)}). Remove the extra client(s) in Bizstim; the API cannot.");
                    }
                    else if (stored.Count == 0)
                    {
                        Finish(new List<PendingRow> { item }, ImportStatus.Unverified, item.Result.Batch, $"{history} The final check did not find it among the new clients. Check it in Bizstim.");
                    }
                    else
                    {
                        Finish(new List<PendingRow> { item }, ImportStatus.Imported, item.Result.Batch, $"{history} The final check, {(settle + settle).TotalSeconds:0.#} s after the first send went unanswered, found it stored once (client {string.Join(", ", ids)}). If Bizstim still commits the first send later, the client will exist twice.");
                    }
                }
            }

            if (duplicated.Count > 0)
            {
                BatchError(
                    new CrmApiException(BizstimConnection.ServiceName, "BizstimImportDuplicated", ErrorCategory.InvalidResult, $"{RowRanges.Of(duplicated.Select(i => i.Row.RowNumber))} are stored twice in Bizstim: a send that got no clear answer was stored after the settle period, after CrmPS had sent the rows again. Each row's result is Duplicated and lists the client ids; remove the extras in Bizstim (raise -SettleSec on Connect-Bizstim if the server is this slow)."),
                    duplicated);
            }
        }

        private static CrmApiException Unverified(List<PendingRow> rows, string reason) =>
            new CrmApiException(BizstimConnection.ServiceName, "BizstimImportUnverified", ErrorCategory.InvalidResult, $"{rows.Count} row(s) of an ambiguous batch could not be confirmed ({RowRanges.Of(rows.Select(i => i.Row.RowNumber))}): {reason} See each row's Message in the results.");

        /// <summary>
        /// After an ambiguous reply in an earlier run (resuming from a checkpoint): that run's
        /// starting point is unknown, so each row is looked up by its first e-mail address, or by
        /// first and last name when it has none. Found rows are imported, rows certainly absent are
        /// sent once more, and rows that cannot be told apart are Unverified with the reason.
        /// </summary>
        private void LookUpEach(List<PendingRow> items, int batchNumber, string reason)
        {
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
                    case Presence.Absent:
                        item.Resent = true;
                        _log.Verbose($"Row {item.Row.RowNumber} was not found after the ambiguous reply; sending it again in a later batch.");
                        _buffer.Add(item);
                        break;
                    default:
                        Finish(new List<PendingRow> { item }, ImportStatus.Unverified, batchNumber, $"The reply was ambiguous ({reason}) and {detail}");
                        notImported.Add(item);
                        break;
                }
            }

            if (notImported.Count > 0)
            {
                BatchError(Unverified(notImported, reason), notImported);
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

        /// <summary>Writes a batch's error record once its rows' results are out, so a Stop still leaves them reported.</summary>
        private void BatchError(CrmApiException error, List<PendingRow> items)
        {
            Flush();
            var batch = new ClientBatch(items.Select(i => i.Row).ToList());
            _host.BatchError(error, batch, items.Select(i => i.Row.Source).ToList(), DescribeRowsSoFar(null));
        }

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
                    // Everything answered goes out before a wait that may last an hour (and end in Ctrl+C).
                    CheckResentRows();
                    Flush();
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

        /// <param name="write">False to leave the results for the next <see cref="Flush"/> (an imported batch's, while the next batch is sent).</param>
        private void Finish(List<PendingRow> items, ImportStatus status, int batchNumber, string message, bool write = true)
        {
            if (items.Count == 0)
            {
                return;
            }

            foreach (PendingRow item in items)
            {
                item.Result.Status = status;
                item.Result.Batch = batchNumber;
                item.Result.Message = message;
                _final.Add(item.Result);
                if (status == ImportStatus.Imported)
                {
                    _importedRows.Add(item.Row.RowNumber);
                }
            }

            CountOutcome(status, items.Count);
            if (status == ImportStatus.Imported && batchNumber > 0)
            {
                _storedThisRun += items.Count;
            }

            _checkpoint?.Settle(items.Select(i => (i.Row.RowNumber, i.Hash, status)));
            _host.ReportProgress(_progress);
            if (write)
            {
                Flush();
            }
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
