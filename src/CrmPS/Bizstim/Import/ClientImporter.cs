using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Streams rows into batches of the plan's size, paces them to the plan's hourly budget, sends
    /// them, and hands back one ImportResult per row in input order as soon as it is final. Never
    /// holds more than one batch of rows plus the results waiting on it.
    /// </summary>
    internal sealed class ClientImporter
    {
        private const int MaxResendsAfterRefusal = 3;
        private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan DefaultRefusalWait = TimeSpan.FromMinutes(1);

        private readonly BizstimConnection _connection;
        private readonly BizstimApi _api;
        private readonly IImportHost _host;
        private readonly MessageQueue _log;
        private readonly System.Threading.CancellationToken _cancel;
        private readonly int? _requestedBatchSize;
        private readonly List<(ClientRow Row, ImportResult Result)> _buffer = new List<(ClientRow, ImportResult)>();
        private readonly Queue<ImportResult> _inOrder = new Queue<ImportResult>();
        private readonly HashSet<ImportResult> _final = new HashSet<ImportResult>();
        private readonly ImportProgress _progress = new ImportProgress();

        public ClientImporter(BizstimConnection connection, int? batchSize, IImportHost host, MessageQueue log, System.Threading.CancellationToken cancel)
        {
            _connection = connection;
            _api = connection.Api;
            _requestedBatchSize = batchSize;
            _host = host;
            _log = log;
            _cancel = cancel;
        }

        public int BatchSize => Math.Min(_requestedBatchSize ?? int.MaxValue, _connection.MaxClientsPerOperation);

        public IEnumerable<ImportResult> AddValid(ClientRow row, ImportResult result)
        {
            _progress.RowsRead++;
            _inOrder.Enqueue(result);
            _buffer.Add((row, result));
            while (_buffer.Count >= BatchSize)
            {
                SendBuffered(BatchSize);
            }

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

        public IEnumerable<ImportResult> Complete()
        {
            while (_buffer.Count > 0)
            {
                SendBuffered(Math.Min(BatchSize, _buffer.Count));
            }

            _progress.CurrentOperation = "Done";
            _host.ReportProgress(_progress);
            return Ready();
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

        private void Send(List<(ClientRow Row, ImportResult Result)> items, bool confirmed)
        {
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

            int batchNumber;
            for (int attempt = 0; ; attempt++)
            {
                WaitForBudget();
                _connection.Budget.Spend(_connection.Clock.UtcNow);
                _progress.BatchesSent++;
                batchNumber = _progress.BatchesSent;
                _progress.CurrentOperation = $"Sending batch {batchNumber} ({batch.RowRange}, {batch.Count} clients)";
                _host.ReportProgress(_progress);

                ImportOutcome outcome;
                try
                {
                    outcome = _host.Wait(_api.ImportAsync(batch, _log, _cancel));
                }
                catch (CrmApiException error)
                {
                    _host.BatchError(error, batch, InputRows(items));
                    Finish(items, ImportStatus.Failed, batchNumber, error.Message);
                    return;
                }

                switch (outcome.Kind)
                {
                    case ImportOutcomeKind.Imported:
                        Finish(items, ImportStatus.Imported, batchNumber, outcome.Message);
                        return;

                    case ImportOutcomeKind.Partial:
                        string unverified = $"Bizstim reported an error with 1 or more records of batch {batchNumber} ({batch.RowRange}) without saying which; this row may or may not have been stored: check it with Get-BizstimClient -Email.";
                        _host.BatchError(
                            new CrmApiException(BizstimConnection.ServiceName, "BizstimImportPartial", ErrorCategory.InvalidResult, $"{unverified} Bizstim said: {outcome.Message}", serverMessage: outcome.Message),
                            batch,
                            InputRows(items));
                        Finish(items, ImportStatus.Unverified, batchNumber, unverified);
                        return;

                    case ImportOutcomeKind.TrialLimit when batch.Count > BizstimPlanLimits.MaxClientsPerOperation(BizstimPlan.Trial) || _connection.Plan != BizstimPlan.Trial:
                        SwitchToTrial(outcome.Message);
                        ResendInTrialBatches(items);
                        return;
                }

                // Refused without processing (the hour is spent): safe to send again once the window reopens.
                if (attempt >= MaxResendsAfterRefusal)
                {
                    var refused = CrmApiException.FromResponse(
                        BizstimConnection.ServiceName,
                        new ApiResponse("POST", "api/clients", 429, "Too Many Requests", null, outcome.Message, outcome.RetryAfter),
                        outcome.Message);
                    _host.BatchError(refused, batch, InputRows(items));
                    Finish(items, ImportStatus.Failed, batchNumber, refused.Message);
                    return;
                }

                DateTimeOffset now = _connection.Clock.UtcNow;
                TimeSpan wait = outcome.RetryAfter ?? DefaultRefusalWait;
                _log.Verbose($"Bizstim refused batch {batchNumber} because the hourly limit is spent; waiting {wait.TotalSeconds:0} s before sending it again.");
                _connection.Budget.ExhaustUntil(now, now + wait);
            }
        }

        private static IReadOnlyList<object> InputRows(List<(ClientRow Row, ImportResult Result)> items) =>
            items.Select(i => i.Row.Source).ToList();

        private void ResendInTrialBatches(List<(ClientRow Row, ImportResult Result)> items)
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

        private void Finish(List<(ClientRow Row, ImportResult Result)> items, ImportStatus status, int batchNumber, string message)
        {
            foreach (var item in items)
            {
                item.Result.Status = status;
                item.Result.Batch = batchNumber;
                item.Result.Message = message;
                _final.Add(item.Result);
            }

            if (status == ImportStatus.Imported)
            {
                _progress.Imported += items.Count;
            }
            else
            {
                _progress.NotImported += items.Count;
            }

            _host.ReportProgress(_progress);
        }
    }
}
