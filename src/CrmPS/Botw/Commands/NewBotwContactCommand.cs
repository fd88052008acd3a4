using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.New, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class NewBotwContactCommand : BotwContactWriteCmdlet
    {
        private readonly UnusedColumns _unusedColumns = new UnusedColumns(typeof(NewBotwContactCommand));
        private readonly ListCells _listCells = new ListCells(typeof(NewBotwContactCommand));

        protected override void ProcessRecord()
        {
            var unused = _unusedColumns.TakeNew(InputObject);
            if (unused != null)
            {
                WriteWarning(UnusedColumns.Warning("New-BotwContact", unused, string.Empty));
            }

            ContactFields fields = BoundFields(id: null);
            object target = InputObject ?? (object)ResultFor(fields, ContactOutcome.Created, 0, null);
            System.Collections.Generic.List<string> lists = _listCells.Problems(InputObject);
            if (lists.Count > 0)
            {
                WriteInvalid("The contact was not sent: " + string.Join(" ", lists), target);
                return;
            }
            if (!fields.HasEmailOrPhone)
            {
                WriteInvalid("The contact was not sent: Email or Phone is required, and both are empty.", target);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            if (!ShouldProcess($"{Describe(fields)} in listing {listingId}", "Create BOTW contact"))
            {
                return;
            }

            string message;
            try
            {
                message = Wait(connection.Api.CreateAsync(listingId, fields, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteApiError(ex, target);
                return;
            }

            if (PassThru)
            {
                WriteReadBack(connection, listingId, fields, byId: false, target);
                return;
            }

            WriteObject(ResultFor(fields, ContactOutcome.Created, listingId, message));
        }
    }
}
