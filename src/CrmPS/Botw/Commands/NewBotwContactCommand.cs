using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.New, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class NewBotwContactCommand : BotwContactWriteCmdlet
    {
        /// <summary>Looks the contact up by e-mail (by phone when it has none) first, and sends nothing when it is there.</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        protected override void ProcessRecord()
        {
            if (!ReadRow())
            {
                return;
            }

            ContactFields fields = BoundFields(id: null);
            object target = InputObject ?? (object)ResultFor(fields, ContactOutcome.Created, 0, null);
            if (!fields.HasEmailOrPhone)
            {
                WriteInvalid(RowLabel + "The contact was not sent: Email or Phone is required, and both are empty.", target);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            if (SkipExisting && FoundExisting(connection, listingId, fields, target))
            {
                return;
            }

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

        /// <summary>
        /// True when the contact is already in the listing (written back, or its lookup failed and was
        /// reported): nothing is created then. A contact that cannot be looked up is not sent either,
        /// since sending it could make a duplicate.
        /// </summary>
        private bool FoundExisting(BotwConnection connection, int listingId, ContactFields fields, object target)
        {
            System.Collections.Generic.List<Contact> found;
            try
            {
                found = Wait(connection.Api.FindByEmailOrPhoneAsync(listingId, fields.Email, fields.Phone, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteError(ex.Reworded("BotwContactLookupFailed", $"The contact {Describe(fields)} was not sent: -SkipExisting could not look it up first. {ex.Message}").ToErrorRecord(target));
                return true;
            }

            if (found.Count == 0)
            {
                return false;
            }

            Contact existing = found.OrderBy(c => c.Id).First();
            string by = string.IsNullOrEmpty(fields.Email) ? $"phone {fields.Phone}" : $"e-mail {fields.Email}";
            string message = $"Not sent: contact {existing.Id} in listing {listingId} already has the {by}" + (found.Count > 1 ? $" ({found.Count} contacts have it)." : ".");
            WriteVerbose(message);
            if (PassThru)
            {
                WriteObject(existing);
                return true;
            }

            WriteObject(new ContactResult
            {
                Outcome = ContactOutcome.Exists,
                ListingId = listingId,
                Id = existing.Id,
                FirstName = existing.FirstName,
                LastName = existing.LastName,
                Email = existing.Email,
                Phone = existing.Phone,
                Message = message,
            });
            return true;
        }
    }
}
