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
    [Cmdlet(VerbsData.Import, "BizstimClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(ImportResult))]
    public sealed class ImportBizstimClientCommand : BizstimCmdlet, IImportHost
    {
        private const string InputObjectSet = "InputObject";
        private const string FieldsSet = "Fields";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const int MainProgressId = 1;
        private const int WaitProgressId = 2;
        private const int NamesShownPerBatch = 5;

        private BizstimConnection _connection;
        private ClientRowBuilder _rowBuilder;
        private ClientImporter _importer;
        private ImportCheckpoint _checkpoint;
        private ExistingClientIndex _existing;
        private ClientRowReader _rowReader;
        private long _rowNumber;
        private bool _mayPrompt;

        /// <summary>
        /// A row from the pipeline: an Import-Csv row, a PSCustomObject, a hashtable or a client from
        /// Get-BizstimClient. Its columns are matched to fields by name once per row shape.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject InputObject { get; set; }

        /// <summary>CSV files to read (wildcards allowed), streamed without Import-Csv.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public char Delimiter { get; set; } = ',';

        /// <summary>The files' encoding, as Import-Csv names it (utf8, utf8BOM, utf8NoBOM, unicode, latin1, a code page...); by default a byte order mark decides, else UTF-8.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ArgumentCompleter(typeof(CsvEncodingCompleter))]
        [ValidateNotNullOrEmpty]
        public string Encoding { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string FirstName { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string LastName { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string Address1 { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string Address2 { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string City { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string State { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string ZipCode { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string Country { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string PrimaryPhone { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string SecondaryPhone { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string MobilePhone { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string Email { get; set; }

        /// <summary>A DateTime or a date string; typed loosely so a bad value is reported with its field, not refused by the binder.</summary>
        [Parameter(ParameterSetName = FieldsSet)]
        public object DateOfBirth { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        [ArgumentCompleter(typeof(ClientStatusCompleter))]
        public string Status { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public object StartDate { get; set; }

        [Parameter(ParameterSetName = FieldsSet)]
        public string Notes { get; set; }

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

        /// <summary>The status of rows that have none (Get-BizstimClient's list, or a CSV exported from it, carries no status).</summary>
        [Parameter]
        public ClientStatus DefaultStatus { get; set; }

        /// <summary>A file that records progress after every batch, so the same import run again skips what is settled.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CheckpointPath { get; set; }

        /// <summary>Reads the account's clients once before sending, and leaves out rows already there (status Exists) or repeated in the input.</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        /// <summary>What -SkipExisting compares: the e-mail, else the name (default); the e-mail only; or the name only.</summary>
        [Parameter]
        public ClientMatchKey MatchOn { get; set; } = ClientMatchKey.EmailOrName;

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

            IReadOnlyDictionary<string, string> columnMap = null;
            try
            {
                columnMap = ClientColumnMap.ReadColumnMap(ColumnMap);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BizstimColumnMapInvalid", ErrorCategory.InvalidArgument, ColumnMap));
            }

            _rowReader = new ClientRowReader(columnMap);
            _mayPrompt = MayPromptForBatches();

            if (CheckpointPath != null)
            {
                _checkpoint = OpenCheckpoint(GetUnresolvedProviderPathFromPSPath(CheckpointPath));
            }

            int? batchSize = MyInvocation.BoundParameters.ContainsKey(nameof(BatchSize)) ? BatchSize : (int?)null;
            _importer = new ClientImporter(_connection, batchSize, _checkpoint, this, Messages, CancellationToken);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MatchOn)) && !SkipExisting)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-MatchOn says how -SkipExisting recognises a client that is already in Bizstim; add -SkipExisting, or leave -MatchOn out."),
                    "BizstimMatchOnWithoutSkipExisting",
                    ErrorCategory.InvalidArgument,
                    MatchOn));
            }

            if (SkipExisting)
            {
                _existing = ReadExistingClients();
                _importer.UseKnownClientCount(_existing.ClientsRead);
            }
        }

        private ExistingClientIndex ReadExistingClients()
        {
            const string activity = "Import-BizstimClient: reading the clients already in Bizstim (-SkipExisting)";
            try
            {
                ExistingClientIndex index = ExistingClientReader.Read(
                    _connection,
                    MatchOn,
                    Wait,
                    (read, total) => WriteProgress(new ProgressRecord(MainProgressId, activity, $"{read} of {total} clients read")),
                    Messages,
                    CancellationToken);
                WriteVerbose($"-SkipExisting: {index.ClientsRead} clients are already in Bizstim; rows matching one of them on {Described(MatchOn)} are not sent.");
                return index;
            }
            catch (CrmApiException ex)
            {
                ThrowTerminatingError(ex.Reworded("BizstimExistingClientsUnreadable", $"-SkipExisting could not read the clients already in Bizstim, so nothing was sent: {ex.Message}").ToErrorRecord(null));
                return null;
            }
        }

        private static string Described(ClientMatchKey matchOn)
        {
            switch (matchOn)
            {
                case ClientMatchKey.Email:
                    return "any e-mail address";
                case ClientMatchKey.Name:
                    return "first and last name";
                default:
                    return "any e-mail address (first and last name for a row without e-mail)";
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                ImportInput();
            }
            catch (CrmApiException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(InputObject));
            }
        }

        private void ImportInput()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    ClientRowValues values = _rowReader.Read(InputObject);
                    if (_rowReader.NewUnusedColumns != null)
                    {
                        WarnUnusedColumns(_rowReader.NewUnusedColumns, $"first seen in row {_rowNumber + 1}");
                    }

                    ImportRow(values, InputObject, null);
                    break;
                case FieldsSet:
                    ImportRow(new ClientRowValues(new object[]
                    {
                        FirstName, LastName, Address1, Address2, City, State, ZipCode, Country,
                        PrimaryPhone, SecondaryPhone, MobilePhone, Email, DateOfBirth, Status, StartDate, Notes,
                    }, null), null, null);
                    break;
                default:
                    ImportFiles();
                    break;
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _importer.Complete();
            }
            catch (CrmApiException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
            }

            WriteProgress(new ProgressRecord(MainProgressId, "Import-BizstimClient", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void WarnUnusedColumns(IReadOnlyList<string> unused, string where)
        {
            if (unused != null)
            {
                WriteWarning(
                    $"Import-BizstimClient does not use the column(s) {string.Join(", ", unused.Select(n => "'" + n + "'"))} ({where}): their values are not sent. "
                    + "Map a column with -ColumnMap @{ 'E-mail Address' = 'Email' }, or rename it to a header listed in Get-Help Import-BizstimClient; "
                    + "custom fields are columns named <number>_<text>, the number being 1 or more (105_student_id).");
            }
        }

        private void ImportFiles()
        {
            System.Text.Encoding encoding = null;
            if (Encoding != null && !CsvEncoding.TryGet(Encoding, out encoding))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Encoding '{Encoding}' is not an encoding: use {string.Join(", ", CsvEncoding.Names)}, a code page number or an encoding name."),
                    "BizstimCsvEncodingUnknown",
                    ErrorCategory.InvalidArgument,
                    Encoding));
            }

            foreach (string file in CsvFilePaths.Resolve(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, literal: ParameterSetName == LiteralPathSet))
            {
                using (CsvFileReader reader = OpenCsv(file, encoding))
                {
                    if (reader == null)
                    {
                        continue;
                    }

                    ClientColumnMap map = _rowReader.ResolveHeader(reader.Header);
                    WarnUnusedColumns(_rowReader.NewUnusedColumns, $"in {System.IO.Path.GetFileName(file)}");

                    foreach (CsvFileRecord record in reader.Records())
                    {
                        var location = new CsvFileRow(file, record.Line, reader.Header, record.Values);
                        if (record.Problem != null)
                        {
                            _rowNumber++;
                            string message = $"{location.Describe()} cannot be read: {record.Problem}.";
                            ReportInvalid(new ImportResult { Row = _rowNumber, Message = message }, location, "BizstimCsvRecordMalformed");
                            continue;
                        }

                        ImportRow(ClientRowReader.Project(map, record.Values), location, location);
                    }
                }
            }
        }

        private CsvFileReader OpenCsv(string file, System.Text.Encoding encoding)
        {
            try
            {
                return CsvFileReader.Open(file, Delimiter, encoding);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "BizstimCsvFileUnreadable", ErrorCategory.ReadError, file));
                return null;
            }
        }

        private void ImportRow(ClientRowValues values, object source, CsvFileRow location)
        {
            _rowNumber++;
            object[] fixedValues = values.FixedValues;
            string statusProblem = null;
            if (string.IsNullOrWhiteSpace(values.Text(ClientColumns.Status)))
            {
                statusProblem = CompleteMissingStatus(fixedValues, source);
            }

            var result = new ImportResult
            {
                Row = _rowNumber,
                FirstName = values.Text(ClientColumns.FirstName),
                LastName = values.Text(ClientColumns.LastName),
                Email = values.Text(ClientColumns.Email),
            };
            // The fingerprint ties a row to its checkpoint entry; without a checkpoint nothing reads it.
            uint hash = _checkpoint != null ? RowFingerprint.Of(fixedValues, values.Extras) : 0;
            ImportStatus? settled = null;
            bool inFlight = false;
            if (_checkpoint != null)
            {
                RecallFromCheckpoint(hash, source, out settled, out inFlight);
            }

            if (settled.HasValue)
            {
                _existing?.Remember(_rowNumber, values.Text(ClientColumns.Email), values.Text(ClientColumns.FirstName), values.Text(ClientColumns.LastName));
                _importer.AddSettledEarlier(result, settled.Value);
                return;
            }

            ClientRow row = _rowBuilder.Build(_rowNumber, values, out List<string> problems, source);
            if (row == null)
            {
                if (statusProblem != null)
                {
                    problems.Add(statusProblem);
                }

                string where = location == null ? $"Row {_rowNumber}" : $"Row {_rowNumber} ({location.Describe()})";
                result.Message = string.Join(" ", problems);
                ReportInvalid(result, source, "BizstimClientRowInvalid", $"{where}: {result.Message} The row was not sent.");
                return;
            }

            if (inFlight)
            {
                // The checkpoint's own lookup settles a row that was in flight; it is only remembered here.
                _existing?.Remember(row.RowNumber, row.FixedValues[ClientColumns.Email], row.FixedValues[ClientColumns.FirstName], row.FixedValues[ClientColumns.LastName]);
                _importer.AddInFlightEarlier(row, hash, result);
            }
            else if (AlreadyThere(row, result))
            {
                _importer.AddExisting(result);
            }
            else
            {
                _importer.AddValid(row, hash, result);
            }
        }

        /// <summary>
        /// -SkipExisting, at the point a valid row is admitted: true (and the result says why) when
        /// Bizstim has the client or an earlier row was the same client. Reads the row as built, so
        /// it applies whatever the rows come from.
        /// </summary>
        private bool AlreadyThere(ClientRow row, ImportResult result)
        {
            ClientMatch match = _existing?.Admit(row.RowNumber, row.FixedValues[ClientColumns.Email], row.FixedValues[ClientColumns.FirstName], row.FixedValues[ClientColumns.LastName]);
            if (match == null)
            {
                return false;
            }

            SkipAsExisting(result, match);
            return true;
        }

        private void SkipAsExisting(ImportResult result, ClientMatch match)
        {
            result.Status = ImportStatus.Exists;
            result.ExistingId = match.ExistingId;
            result.DuplicateOfRow = match.EarlierRow;
            string reason = match.ExistingId.HasValue
                ? $"Bizstim already has client {match.ExistingId} with {match.Described}."
                : $"row {match.EarlierRow} of this input has {match.Described} too.";
            result.Message = "Not sent: " + reason;
            if (IsWhatIf())
            {
                // Under -WhatIf this prints "What if: ..." and returns false; nothing is asked otherwise.
                ShouldProcess($"Skip row {_rowNumber} ({result.FirstName} {result.LastName}): {reason}", null, null);
            }
        }

        /// <summary>
        /// A row without a status takes -DefaultStatus; a client piped from Get-BizstimClient's list
        /// (which has no status) is read from the account it came from. Fills the status (and the
        /// dates and notes the row lacks) in <paramref name="fixedValues"/>; returns what to tell the
        /// user when neither applies or the read failed, null when the status was filled.
        /// </summary>
        private string CompleteMissingStatus(object[] fixedValues, object source)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(DefaultStatus)))
            {
                fixedValues[ClientColumns.Status] = DefaultStatus.ToString().ToLowerInvariant();
                return null;
            }

            Client listed = ListedClientDetail.NeedingDetail(source);
            if (listed == null)
            {
                return "The input has no status (a CSV exported from Get-BizstimClient's list carries none): add a status column or give -DefaultStatus.";
            }

            ClientDetail detail;
            try
            {
                detail = ListedClientDetail.Read(listed, this, Messages, CancellationToken);
            }
            catch (CrmApiException ex)
            {
                return $"Reading client {listed.Id}'s status from {listed.Source.BaseUri} failed: {ex.Message} Give -DefaultStatus to import without it.";
            }

            fixedValues[ClientColumns.Status] = detail.Status?.ToString().ToLowerInvariant();
            fixedValues[ClientColumns.DateOfBirth] = fixedValues[ClientColumns.DateOfBirth] ?? detail.DateOfBirth;
            fixedValues[ClientColumns.StartDate] = fixedValues[ClientColumns.StartDate] ?? detail.StartDate;
            fixedValues[ClientColumns.Notes] = fixedValues[ClientColumns.Notes] ?? detail.Notes;
            return detail.Status == null ? $"Client {listed.Id} has no status in {listed.Source.BaseUri} either: give -DefaultStatus." : null;
        }

        private void ReportInvalid(ImportResult result, object source, string errorId, string text = null)
        {
            text = text ?? result.Message + " The row was not sent.";

            // Everything Bizstim has answered is written before this error, which -ErrorAction Stop makes terminating.
            string rowsSoFar = _importer.SettleBeforeStop(_rowNumber);
            WriteError(new ErrorRecord(new InvalidDataException(text), errorId, ErrorCategory.InvalidData, TargetOf(source) ?? result)
            {
                ErrorDetails = new ErrorDetails($"{text} {rowsSoFar}")
                {
                    RecommendedAction = "Correct the row and import it again; the other rows are not affected.",
                },
            });
            _importer.AddInvalid(result);
        }

        /// <summary>What an error record gives back as its TargetObject: the input row, a file's record as an object with its columns.</summary>
        private static object TargetOf(object source) => source is CsvFileRow fileRow ? fileRow.ToPSObject() : source;

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

        /// <summary>True when ShouldProcess may ask before each batch: -Confirm, or a $ConfirmPreference of Medium or Low (this cmdlet's impact is Medium).</summary>
        private bool MayPromptForBatches()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object confirm))
            {
                return ((SwitchParameter)confirm).IsPresent;
            }

            object preference = GetVariableValue("ConfirmPreference", ConfirmImpact.High);
            return !LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact level) || (level != ConfirmImpact.None && level <= ConfirmImpact.Medium);
        }

        private void RecallFromCheckpoint(uint hash, object source, out ImportStatus? settled, out bool inFlight)
        {
            settled = null;
            inFlight = false;
            bool sameInput = _rowNumber == 1
                ? _checkpoint.AcceptFirstRow(hash) && _checkpoint.TryRecall(_rowNumber, hash, out settled, out inFlight)
                : _checkpoint.TryRecall(_rowNumber, hash, out settled, out inFlight);
            if (!sameInput)
            {
                _importer.SettleBeforeStop(_rowNumber - 1);
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidDataException($"Row {_rowNumber} is not the row recorded in the checkpoint {_checkpoint.Path}: the checkpoint was made for another input (or the input changed). Nothing more is sent. Use another -CheckpointPath to import this input, or delete the file to start over."),
                    "BizstimCheckpointMismatch",
                    ErrorCategory.InvalidData,
                    TargetOf(source)));
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

        bool IImportHost.MayPrompt => _mayPrompt;

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

        void IImportHost.BatchError(CrmApiException error, ClientBatch batch, IReadOnlyList<object> inputRows, string rowsSoFar)
        {
            WriteError(new ErrorRecord(error, error.ErrorId, error.Category, inputRows.Select(TargetOf).ToArray())
            {
                ErrorDetails = new ErrorDetails($"Batch of {batch.RowRange}: {error.Message} {rowsSoFar}"),
            });
        }

        void IImportHost.Emit(ImportResult result) => WriteObject(result);

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
    }
}
