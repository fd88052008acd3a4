using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>Base of the BOTW cmdlets: -Connection (falling back to the session default and $env:BOTW_API_KEY) and the listing to work in.</summary>
    public abstract class BotwCmdlet : ServiceCmdlet<BotwConnection>
    {
        internal override ServiceProfile<BotwConnection> Profile => BotwConnection.Profile;

        /// <summary>-ListingId when given (anything above 0), else the connection's default; stops the cmdlet when there is neither.</summary>
        internal int ResolveListingId(BotwConnection connection, int listingId)
        {
            if (listingId > 0)
            {
                return listingId;
            }

            if (connection.ListingId.HasValue)
            {
                return connection.ListingId.Value;
            }

            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"No BOTW listing id: pass -ListingId, or set a default with {Profile.ConnectCommand} -ListingId <id>. The listing id is the number of the BOTW listing (campaign) the contacts belong to."),
                "BotwListingIdMissing",
                ErrorCategory.InvalidArgument,
                null));
            return 0;
        }

        /// <summary>Turns an API failure into a non-terminating error whose target is the input, so the pipeline goes on.</summary>
        internal void WriteApiError(CrmApiException failure, object target) => WriteError(failure.ToErrorRecord(target));

        /// <summary>
        /// A BOTW contact has one e-mail address and one phone number. A cell holding several ("a@example.com; b@example.com")
        /// sends the first, with a warning naming the ones left out.
        /// </summary>
        internal string FirstValue(string cell, bool isEmail, string parameterName)
        {
            string[] values = isEmail ? CellValues.Addresses(new[] { cell }) : CellValues.PhoneNumbers(new[] { cell });
            if (values.Length > 1)
            {
                WriteWarning($"{parameterName} holds {values.Length} values; BOTW keeps one per contact, so {values[0]} is sent and {string.Join(", ", values.Skip(1))} is not.");
            }

            return values.FirstOrDefault();
        }

        /// <summary>
        /// For -PassThru: reads the contact back after a write, by id when it is known to exist, else by e-mail,
        /// then phone, taking the newest match (BOTW does not return the id of what it created).
        /// </summary>
        internal void WriteReadBack(BotwConnection connection, int listingId, ContactFields fields, bool byId, object target)
        {
            var queries = new List<ContactQuery>();
            if (byId && fields.Id.HasValue)
            {
                queries.Add(new ContactQuery { Id = fields.Id });
            }

            if (!string.IsNullOrEmpty(fields.Email))
            {
                queries.Add(new ContactQuery { Email = fields.Email });
            }

            if (!string.IsNullOrEmpty(fields.Phone))
            {
                queries.Add(new ContactQuery { Phone = fields.Phone });
            }

            try
            {
                foreach (ContactQuery query in queries)
                {
                    List<Contact> found = Wait(connection.Api.FindAsync(listingId, query, Messages, CancellationToken));
                    if (found.Count > 0)
                    {
                        WriteObject(found.OrderByDescending(c => c.Id).First());
                        return;
                    }
                }
            }
            catch (CrmApiException ex)
            {
                WriteApiError(ex, target);
                return;
            }

            WriteError(new ErrorRecord(
                new ItemNotFoundException($"The contact was saved, but BOTW returned no contact in listing {listingId} for {string.Join(" or ", queries)} when it was read back for -PassThru."),
                "BotwContactNotReadBack",
                ErrorCategory.ObjectNotFound,
                target));
        }

        /// <summary>Writes one error for a contact that cannot be sent, naming the fields; the pipeline goes on.</summary>
        internal void WriteInvalid(string message, object target) =>
            WriteError(new ErrorRecord(new System.IO.InvalidDataException(message), "BotwContactInvalid", ErrorCategory.InvalidData, target));
    }
}
