using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.Set, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class SetBotwContactCommand : BotwContactWriteCmdlet
    {
        /// <summary>The contact to update; when BOTW has no contact with this id it creates one.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId", "contact_id")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        protected override void ProcessRecord()
        {
            ContactFields fields = BoundFields(Id > 0 ? Id : (int?)null);
            object target = InputObject ?? (object)ResultFor(fields, ContactOutcome.Updated, 0, null);
            if (!fields.Id.HasValue && !fields.HasEmailOrPhone)
            {
                WriteInvalid("The contact was not sent: give -Id, or an Email or Phone to match or create the contact by.", target);
                return;
            }

            if (fields.FirstName == null && fields.LastName == null && !fields.HasEmailOrPhone)
            {
                WriteInvalid($"The contact was not sent: nothing to set on contact {Id}; give FirstName, LastName, Email or Phone.", target);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            string which = fields.Id.HasValue ? $"contact {fields.Id.Value}" : Describe(fields);
            if (!ShouldProcess($"{which} in listing {listingId}", "Update or create BOTW contact"))
            {
                return;
            }

            (ContactOutcome Outcome, string Message) upsert;
            try
            {
                upsert = Wait(connection.Api.UpsertAsync(listingId, fields, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteApiError(ex, target);
                return;
            }

            WriteVerbose($"BOTW {upsert.Outcome.ToString().ToLowerInvariant()} {which} in listing {listingId}.");
            if (PassThru)
            {
                WriteReadBack(connection, listingId, fields, byId: upsert.Outcome == ContactOutcome.Updated, target);
                return;
            }

            WriteObject(ResultFor(fields, upsert.Outcome, listingId, upsert.Message));
        }
    }
}
