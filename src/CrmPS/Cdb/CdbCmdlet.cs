using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>Base of the Customer Database App cmdlets: -Connection (falling back to the session default and $env:CDB_API_KEY) and the create call they share.</summary>
    public abstract class CdbCmdlet : ServiceCmdlet<CdbConnection>
    {
        internal override ServiceProfile<CdbConnection> Profile => CdbConnection.Profile;

        /// <summary>
        /// Asks ShouldProcess, sends the form and returns the new id; null when declined or refused, in which case
        /// the refusal has been written as a non-terminating error whose target is <paramref name="errorTarget"/>.
        /// </summary>
        /// <param name="ledger">-LedgerPath: records the row as sending before the POST, then as created or not created.</param>
        /// <param name="ledgerKey">The row's key in <paramref name="ledger"/>.</param>
        internal int? Create(CdbRequest request, string target, string action, object errorTarget, CdbCustomerLedger ledger = null, string ledgerKey = null)
        {
            if (!ShouldProcess(target, action))
            {
                return null;
            }

            CdbConnection connection = ResolveConnection();
            try
            {
                ledger?.Sending(ledgerKey, connection.Clock.UtcNow);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException($"Nothing more is sent: the ledger {ledger.Path} cannot be written ({ex.Message}), and a customer sent without a record could be created twice on the next run.", ex),
                    "CdbLedgerUnwritable",
                    ErrorCategory.WriteError,
                    ledger.Path));
            }

            try
            {
                int id = Wait(connection.Api.CreateAsync(request, Messages, CancellationToken));
                ledger?.Created(ledgerKey, id, connection.Clock.UtcNow);
                return id;
            }
            catch (CrmApiException ex)
            {
                ErrorRecord error = ex.ToErrorRecord(errorTarget);
                if (ledger != null && ex.MayHaveReachedServer)
                {
                    error.ErrorDetails = new ErrorDetails($"{ex.Message} The customer may have been created although no clear answer came back. The ledger {ledger.Path} records it as unconfirmed: later runs do not send it again until you check.")
                    {
                        RecommendedAction = $"Look for the customer in {CdbConnection.DisplayName}; if it is not there, run again with -ResendUnconfirmed.",
                    };
                }
                else
                {
                    ledger?.NotCreated(ledgerKey, connection.Clock.UtcNow);
                }

                WriteError(error);
                return null;
            }
        }

        /// <summary>Writes one error for input that cannot be sent, naming the row (when it came from one) and every problem; the pipeline goes on.</summary>
        /// <param name="rowLabel">"Row N: " when the input is a piped row; empty otherwise.</param>
        internal void WriteInvalid(string errorId, string what, List<string> problems, object errorTarget, string rowLabel = "")
        {
            string message = $"{rowLabel}The {what} was not sent: {string.Join(" ", problems)}";
            WriteError(new ErrorRecord(new InvalidDataException(message), errorId, ErrorCategory.InvalidData, errorTarget));
        }
    }
}
