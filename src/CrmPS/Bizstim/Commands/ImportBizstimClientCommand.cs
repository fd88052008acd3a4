using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsData.Import, "BizstimClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImportResult))]
    public sealed class ImportBizstimClientCommand : BizstimCmdlet, IImportHost
    {
        private const int MainProgressId = 1;
        private const int WaitProgressId = 2;
        private const int NamesShownPerBatch = 5;

        private BizstimConnection _connection;
        private ClientRowBuilder _rowBuilder;
        private ClientImporter _importer;
        private ImportCheckpoint _checkpoint;
        private ExtraColumns _extraColumns;
        private long _rowNumber;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("first name", "first_name", "GivenName")]
        public string FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last name", "last_name", "Surname")]
        public string LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("address 1", "Street")]
        public string Address1 { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("address 2")]
        public string Address2 { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string City { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Province")]
        public string State { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("zip", "zip code", "postal code", "PostalCode")]
        public string ZipCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Country { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("primary phone", "p_phone", "Phone")]
        public string PrimaryPhone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("secondary phone", "s_phone")]
        public string SecondaryPhone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("mobile phone", "text_phone", "Mobile")]
        public string MobilePhone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress")]
        public string Email { get; set; }

        /// <summary>A DateTime or a date string; typed loosely so a bad cell is reported with its row, not dropped by the binder.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DOB", "date of birth", "BirthDate")]
        public object DateOfBirth { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClientStatusCompleter))]
        public string Status { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("start date", "start_date")]
        public object StartDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Note")]
        public string Notes { get; set; }

        /// <summary>The whole input row: custom-field columns (105_...) and tags are read from it.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[] Tag { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable CustomField { get; set; }

        /// <summary>Input columns to read as other columns: @{ 'E-mail Address' = 'Email'; 'Birthday' = 'DateOfBirth' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable ColumnMap { get; set; }

        [Parameter]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; }

        /// <summary>The form of the DOB and start date cells (such as dd/MM/yyyy), when they are not in ISO order.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] DateFormat { get; set; }

        /// <summary>A file that records progress after every batch, so the same import run again skips what is settled.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CheckpointPath { get; set; }

        protected override void BeginProcessing()
        {
            _connection = ResolveConnection();
            try
            {
                _rowBuilder = new ClientRowBuilder(CustomField, Tag, new DateReader(null, DateFormat));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BizstimCustomFieldInvalid", ErrorCategory.InvalidArgument, CustomField));
            }

            try
            {
                _extraColumns = new ExtraColumns(ColumnMap);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BizstimColumnMapInvalid", ErrorCategory.InvalidArgument, ColumnMap));
            }

            if (CheckpointPath != null)
            {
                _checkpoint = OpenCheckpoint(GetUnresolvedProviderPathFromPSPath(CheckpointPath));
            }

            int? batchSize = MyInvocation.BoundParameters.ContainsKey(nameof(BatchSize)) ? BatchSize : (int?)null;
            _importer = new ClientImporter(_connection, batchSize, _checkpoint, this, Messages, CancellationToken);
        }

        protected override void ProcessRecord()
        {
            _rowNumber++;
            object[] fixedValues =
            {
                FirstName, LastName, Address1, Address2, City, State, ZipCode, Country,
                PrimaryPhone, SecondaryPhone, MobilePhone, Email, DateOfBirth, Status, StartDate, Notes,
            };
            IReadOnlyList<KeyValuePair<string, object>> extras = _extraColumns.Read(InputObject);
            _extraColumns.FillFixed(fixedValues);
            WarnUnusedColumns();
            var result = new ImportResult
            {
                Row = _rowNumber,
                FirstName = TextOrNull(fixedValues[ClientColumns.FirstName]),
                LastName = TextOrNull(fixedValues[ClientColumns.LastName]),
                Email = TextOrNull(fixedValues[ClientColumns.Email]),
            };
            uint hash = RowFingerprint.Of(fixedValues, extras);
            ImportStatus? settled = null;
            bool inFlight = false;
            if (_checkpoint != null)
            {
                RecallFromCheckpoint(hash, out settled, out inFlight);
            }

            if (settled.HasValue)
            {
                WriteResults(_importer.AddSettledEarlier(result, settled.Value));
                return;
            }

            ClientRow row = _rowBuilder.Build(_rowNumber, fixedValues, extras, out List<string> problems, InputObject);
            if (row == null)
            {
                result.Message = string.Join(" ", problems);
                WriteError(new ErrorRecord(
                    new InvalidDataException($"Row {_rowNumber}: {result.Message} The row was not sent."),
                    "BizstimClientRowInvalid",
                    ErrorCategory.InvalidData,
                    InputObject ?? (object)result)
                {
                    ErrorDetails = new ErrorDetails($"Row {_rowNumber}: {result.Message} The row was not sent.")
                    {
                        RecommendedAction = "Correct the row and import it again; the other rows are not affected.",
                    },
                });
                WriteResults(_importer.AddInvalid(result));
                return;
            }

            WriteResults(inFlight ? _importer.AddInFlightEarlier(row, hash, result) : _importer.AddValid(row, hash, result));
        }

        protected override void EndProcessing()
        {
            WriteResults(_importer.Complete());
            WriteProgress(new ProgressRecord(MainProgressId, "Import-BizstimClient", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private static string TextOrNull(object value) => value == null ? null : ValueText.Of(value);

        private void WarnUnusedColumns()
        {
            IReadOnlyList<string> unused = _extraColumns.TakeNewUnused();
            if (unused != null)
            {
                WriteWarning(
                    $"Import-BizstimClient does not use the column(s) {string.Join(", ", unused.Select(n => "'" + n + "'"))} (first seen in row {_rowNumber}): their values are not sent. "
                    + "Map a column with -ColumnMap @{ 'E-mail Address' = 'Email' }, or rename it to a header listed in Get-Help Import-BizstimClient; "
                    + "custom fields are columns named <number>_<text>, the number being 1 or more (105_student_id).");
            }
        }

        private ImportCheckpoint OpenCheckpoint(string path)
        {
            try
            {
                ImportCheckpoint checkpoint = ImportCheckpoint.Open(path, _connection.BaseUri);
                checkpoint.ReadOnly = IsWhatIf();
                checkpoint.CheckWritable();
                if (checkpoint.FinalCount > 0)
                {
                    WriteVerbose($"Resuming from checkpoint {path}: {checkpoint.FinalCount} rows are already settled and will not be sent again.");
                }

                return checkpoint;
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BizstimCheckpointUnusable", ErrorCategory.InvalidData, path));
                return null;
            }
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object whatIf))
            {
                return ((SwitchParameter)whatIf).IsPresent;
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));
        }

        private void RecallFromCheckpoint(uint hash, out ImportStatus? settled, out bool inFlight)
        {
            settled = null;
            inFlight = false;
            bool sameInput = _rowNumber == 1
                ? _checkpoint.AcceptFirstRow(hash) && _checkpoint.TryRecall(_rowNumber, hash, out settled, out inFlight)
                : _checkpoint.TryRecall(_rowNumber, hash, out settled, out inFlight);
            if (!sameInput)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidDataException($"Row {_rowNumber} is not the row recorded in the checkpoint {_checkpoint.Path}: the checkpoint was made for another input (or the input changed). Nothing more is sent. Use another -CheckpointPath to import this input, or delete the file to start over."),
                    "BizstimCheckpointMismatch",
                    ErrorCategory.InvalidData,
                    InputObject));
            }
        }

        string IImportHost.DeclineReason(ClientBatch batch)
        {
            string action = DescribeBatch(batch);
            string target = $"Bizstim {_connection.BaseUri}";
            if (ShouldProcess($"{action} on {target}", $"{action}?", "Import-BizstimClient", out ShouldProcessReason reason))
            {
                return null;
            }

            return reason == ShouldProcessReason.WhatIf ? "Not sent: -WhatIf." : "Not sent: declined at the confirmation prompt.";
        }

        T IImportHost.Wait<T>(Task<T> task) => Wait(task);

        void IImportHost.Wait(Task task) => Wait(task);

        void IImportHost.ReportProgress(ImportProgress progress)
        {
            string status = $"{progress.RowsRead} rows read, {progress.BatchesSent} batches sent, {progress.Imported} imported, {progress.NotImported} not imported";
            WriteProgress(new ProgressRecord(MainProgressId, "Import-BizstimClient", status) { CurrentOperation = progress.CurrentOperation });
        }

        void IImportHost.ReportWait(TimeSpan remaining, DateTimeOffset resumesAt, int used, int capacity)
        {
            string status = $"{used} of {capacity} operations used in the last hour ({_connection.Plan} plan); resuming at {resumesAt.ToLocalTime():HH:mm:ss}";
            WriteProgress(new ProgressRecord(WaitProgressId, "Waiting for the Bizstim hourly limit", status)
            {
                ParentActivityId = MainProgressId,
                SecondsRemaining = (int)Math.Ceiling(remaining.TotalSeconds),
            });
        }

        void IImportHost.EndWait()
        {
            WriteProgress(new ProgressRecord(WaitProgressId, "Waiting for the Bizstim hourly limit", "Resumed")
            {
                ParentActivityId = MainProgressId,
                RecordType = ProgressRecordType.Completed,
            });
        }

        void IImportHost.Warn(string message) => WriteWarning(message);

        void IImportHost.BatchError(CrmApiException error, ClientBatch batch, IReadOnlyList<object> inputRows)
        {
            WriteError(new ErrorRecord(error, error.ErrorId, error.Category, inputRows.ToArray())
            {
                ErrorDetails = new ErrorDetails($"Batch of {batch.RowRange}: {error.Message}"),
            });
        }

        private static string DescribeBatch(ClientBatch batch)
        {
            var names = batch.Rows.Take(NamesShownPerBatch)
                .Select(r => $"{r.FixedValues[ClientColumns.FirstName]} {r.FixedValues[ClientColumns.LastName]}");
            string more = batch.Count > NamesShownPerBatch ? $" and {batch.Count - NamesShownPerBatch} more" : string.Empty;
            IReadOnlyList<string> header = batch.BuildHeader(out _, out _);
            string extra = header.Count > ClientColumns.FixedLabels.Count
                ? $"; extra columns: {string.Join(", ", header.Skip(ClientColumns.FixedLabels.Count))}"
                : string.Empty;
            return $"Import {batch.Count} client(s) ({batch.RowRange}: {string.Join(", ", names)}{more}{extra})";
        }

        private void WriteResults(IEnumerable<ImportResult> results)
        {
            foreach (ImportResult result in results)
            {
                WriteObject(result);
            }
        }
    }
}
