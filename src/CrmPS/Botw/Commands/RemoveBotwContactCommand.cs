using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.Remove, "BotwContact", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Contact))]
    public sealed class RemoveBotwContactCommand : BotwCmdlet
    {
        private const string IdSet = "Id";
        private const string EmailSet = "Email";
        private const string PhoneSet = "Phone";

        // Id is the default set, so a piped Get-BotwContact result (which has Id, Email and Phone) is deleted by its id.
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId", "contact_id")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        [Parameter(ParameterSetName = EmailSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        [AllowEmptyString]
        public string Email { get; set; }

        // Optional in the Email set, so a CSV row with both columns binds unambiguously (and both are sent); mandatory alone.
        [Parameter(ParameterSetName = EmailSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = PhoneSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Mobile", "mobile phone", "MobilePhone", "primary phone", "PrimaryPhone", "p_phone", "Telephone", "PhoneNumber")]
        [AllowEmptyString]
        public string Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("listing_id")]
        [ValidateRange(1, int.MaxValue)]
        public int ListingId { get; set; }

        /// <summary>Returns the contacts that were deleted, as Get-BotwContact showed them just before.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var identity = new ContactFields
            {
                Id = ParameterSetName == IdSet ? Id : (int?)null,
                Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
                Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
            };
            object target = InputObject ?? (object)(identity.Id?.ToString() ?? identity.Email ?? identity.Phone);
            if (!identity.Id.HasValue && !identity.HasEmailOrPhone)
            {
                WriteInvalid($"No contact was deleted: {(ParameterSetName == PhoneSet ? "Phone is" : "Email and Phone are")} empty.", target);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            string which = Which(identity);
            if (!ShouldProcess($"{which} in listing {listingId}", "Delete BOTW contact"))
            {
                return;
            }

            bool deleted;
            List<Contact> removed = null;
            try
            {
                if (PassThru)
                {
                    removed = Wait(connection.Api.FindAsync(listingId, new ContactQuery { Id = identity.Id, Email = identity.Email, Phone = identity.Phone }, Messages, CancellationToken));
                }

                deleted = Wait(connection.Api.DeleteAsync(listingId, identity, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteApiError(ex, target);
                return;
            }

            if (!deleted)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"BOTW has no {which} in listing {listingId}; nothing was deleted."),
                    "BotwContactNotFound",
                    ErrorCategory.ObjectNotFound,
                    target));
                return;
            }

            WriteVerbose($"Deleted {which} from BOTW listing {listingId}.");
            if (removed != null)
            {
                WriteObject(removed, enumerateCollection: true);
            }
        }

        private static string Which(ContactFields identity)
        {
            if (identity.Id.HasValue)
            {
                return $"contact {identity.Id.Value}";
            }

            if (identity.Email != null && identity.Phone != null)
            {
                return $"the contact with e-mail {identity.Email} and phone {identity.Phone}";
            }

            return identity.Email != null ? $"the contact with e-mail {identity.Email}" : $"the contact with phone {identity.Phone}";
        }
    }
}
