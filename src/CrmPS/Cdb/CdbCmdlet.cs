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
        internal int? Create(CdbRequest request, string target, string action, object errorTarget)
        {
            if (!ShouldProcess(target, action))
            {
                return null;
            }

            CdbConnection connection = ResolveConnection();
            try
            {
                return Wait(connection.Api.CreateAsync(request, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteError(ex.ToErrorRecord(errorTarget));
                return null;
            }
        }

        /// <summary>Writes one error for input that cannot be sent, naming every problem; the pipeline goes on.</summary>
        internal void WriteInvalid(string errorId, string what, List<string> problems, object errorTarget)
        {
            string message = $"The {what} was not sent: {string.Join(" ", problems)}";
            WriteError(new ErrorRecord(new InvalidDataException(message), errorId, ErrorCategory.InvalidData, errorTarget));
        }
    }
}
