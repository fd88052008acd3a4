using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommon.New, "CdbCustomer", DefaultParameterSetName = FieldsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Customer))]
    public sealed class NewCdbCustomerCommand : CdbCustomFieldCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string RowSet = "InputObject";

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("first name", "FirstName", "first_name", "GivenName")]
        [AllowEmptyString]
        [FromRow]
        public string Forename { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("last name", "LastName", "last_name", "FamilyName")]
        [AllowEmptyString]
        [FromRow]
        public string Surname { get; set; }

        /// <summary>One or more addresses; a value holding several separated by ',' or ';' is split.</summary>
        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [FromRow]
        public string[] Email { get; set; }

        [Parameter]
        [Alias("Mobile", "mobile phone", "MobilePhone", "primary phone", "PrimaryPhone", "p_phone", "Telephone", "PhoneNumber")]
        [FromRow]
        public string[] Phone { get; set; }

        /// <summary>A row (Import-Csv, a hashtable, another cmdlet's object): its columns fill the fields not given as parameters.</summary>
        [Parameter(ParameterSetName = RowSet, Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Input column to field (or custom-field id), for columns whose names the cmdlet does not know.</summary>
        [Parameter(ParameterSetName = RowSet)]
        [ValidateNotNull]
        public IDictionary ColumnMap { get; set; }

        private RowFields _rowFields;

        /// <summary>A local record of the customers created (hashes only), so the same row is not created twice by a later run.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LedgerPath { get; set; }

        /// <summary>With -LedgerPath: send again the rows whose earlier create got no clear answer (after checking they are not there).</summary>
        [Parameter]
        public SwitchParameter ResendUnconfirmed { get; set; }

        private CdbCustomerLedger _ledger;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == RowSet)
            {
                try
                {
                    _rowFields = new RowFields(this, ColumnMap, CdbCustomFields.IsFieldId, ", or a custom-field id (f-<guid>)", "; custom fields are columns named by the field's id, f-<guid>");
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "CdbColumnMapInvalid", ErrorCategory.InvalidArgument, ColumnMap));
                }
            }

            if (ResendUnconfirmed && LedgerPath == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-ResendUnconfirmed resends the rows the ledger records as unconfirmed; add -LedgerPath."),
                    "CdbResendUnconfirmedWithoutLedger",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (LedgerPath != null)
            {
                string path = GetUnresolvedProviderPathFromPSPath(LedgerPath);
                try
                {
                    _ledger = CdbCustomerLedger.Open(path, ResolveConnection().BaseUri, readOnly: IsWhatIf());
                    WriteVerbose($"Ledger {path}: {_ledger.Count} customers recorded; rows already created are not sent again.");
                }
                catch (Exception ex) when (ex is System.IO.InvalidDataException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is FormatException)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "CdbLedgerUnusable", ErrorCategory.InvalidData, path));
                }
            }
        }

        protected override void ProcessRecord()
        {
            List<string> problems = _rowFields != null ? _rowFields.Read(InputObject) : new List<string>();

            var customer = new Customer
            {
                Forename = Forename?.Trim() ?? string.Empty,
                Surname = Surname?.Trim() ?? string.Empty,
                Email = CellValues.Addresses(Email),
                Phone = CellValues.PhoneNumbers(Phone),
                CustomFields = _rowFields != null ? CustomFieldsOf(_rowFields.Extras) : CustomFieldsOf((PSObject)null),
            };
            object target = InputObject ?? (object)customer;
            AddProblems(customer, problems);
            if (problems.Count > 0)
            {
                WriteInvalid("CdbCustomerInvalid", "customer", problems, target, _rowFields?.RowLabel ?? string.Empty);
                return;
            }

            string who = $"{customer.Forename} {customer.Surname} <{string.Join(", ", customer.Email)}>";
            string ledgerKey = _ledger?.KeyOf(customer);
            if (_ledger != null && AlreadySent(ledgerKey, who, target))
            {
                return;
            }

            int? id = Create(CdbRequests.Customer(customer), who, "Create Customer Database App customer", target, _ledger, ledgerKey);
            if (id.HasValue)
            {
                customer.CustomerId = id.Value;
                WriteObject(customer);
            }
        }

        /// <summary>
        /// True when the ledger says an earlier run created the row (written to Verbose; nothing is
        /// output, so nothing downstream is created twice either) or sent it without a clear answer
        /// (an error: it may exist, and there is no endpoint to check).
        /// </summary>
        private bool AlreadySent(string ledgerKey, string who, object target)
        {
            if (!_ledger.TryRecall(ledgerKey, out LedgerState state, out int customerId, out DateTimeOffset at))
            {
                return false;
            }

            string when = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
            if (state == LedgerState.Created)
            {
                WriteVerbose($"Not sent: {who} was created as customer {customerId} on {when} (ledger {_ledger.Path}).");
                return true;
            }

            if (ResendUnconfirmed)
            {
                WriteVerbose($"Sending {who} again (-ResendUnconfirmed): its create on {when} got no clear answer.");
                return false;
            }

            string message = $"Not sent: {who} was sent on {when} and no clear answer came back, so it may exist already. Customer Database App has no read endpoint, so CrmPS cannot check.";
            WriteError(new ErrorRecord(new InvalidOperationException(message), "CdbCustomerUnconfirmed", ErrorCategory.ResourceExists, target)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Look for the customer in the Customer Database App web app; if it is not there, run again with -ResendUnconfirmed.",
                },
            });
            return true;
        }

        /// <summary>Adds what the customer lacks to <paramref name="problems"/>; a field a problem already names is not named again as empty.</summary>
        private static void AddProblems(Customer customer, List<string> problems)
        {
            RowFields.Require(problems, nameof(Customer.Forename), customer.Forename.Length == 0);
            RowFields.Require(problems, nameof(Customer.Surname), customer.Surname.Length == 0);
            RowFields.Require(problems, nameof(Customer.Email), customer.Email.Length == 0);
            problems.AddRange(customer.Email.Where(a => !LooksLikeAddress(a)).Select(a => $"Email '{a}' is not an e-mail address."));
        }

        private static bool LooksLikeAddress(string address)
        {
            int at = address.IndexOf('@');
            return at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1;
        }
    }
}
