using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
            List<Contact> before = null;
            var query = new ContactQuery { Id = identity.Id, Email = identity.Email, Phone = identity.Phone };
            try
            {
                // By e-mail or phone, look first: the page does not say whether BOTW deletes one match or every one.
                if (PassThru || !identity.Id.HasValue)
                {
                    before = Wait(connection.Api.FindAsync(listingId, query, Messages, CancellationToken));
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
            List<Contact> removed = before;
            if (before != null && before.Count > 1)
            {
                removed = SayWhatBotwDeleted(connection, listingId, query, identity, before);
            }

            if (PassThru && removed != null)
            {
                WriteObject(removed, enumerateCollection: true);
            }
        }

        /// <summary>Several contacts matched a DELETE by e-mail or phone: looks again and warns which went and which remain.</summary>
        private List<Contact> SayWhatBotwDeleted(BotwConnection connection, int listingId, ContactQuery query, ContactFields identity, List<Contact> before)
        {
            string key = identity.Email != null && identity.Phone != null ? $"e-mail {identity.Email} and phone {identity.Phone}"
                : identity.Email != null ? $"e-mail {identity.Email}" : $"phone {identity.Phone}";
            string byId = $"To delete them one by one, by id: {Lookup(identity)} | Remove-BotwContact";
            List<Contact> after;
            try
            {
                after = Wait(connection.Api.FindAsync(listingId, query, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteWarning($"{before.Count} contacts in listing {listingId} had the {key} (ids {Ids(before)}); BOTW accepted the DELETE, but CrmPS could not look again to see whether it deleted one or all of them ({ex.Message}). {byId}");
                return before;
            }

            var remaining = new HashSet<int>(after.Select(c => c.Id));
            List<Contact> gone = before.Where(c => !remaining.Contains(c.Id)).ToList();
            if (after.Count == 0)
            {
                WriteWarning($"BOTW deleted all {before.Count} contacts in listing {listingId} with the {key} (ids {Ids(before)}). The BOTW page does not say whether a DELETE by e-mail or phone removes one match or all; to choose, delete by id: {Lookup(identity)} | Remove-BotwContact");
            }
            else
            {
                WriteWarning($"BOTW deleted {gone.Count} of the {before.Count} contacts in listing {listingId} with the {key} (deleted: {(gone.Count == 0 ? "none" : Ids(gone))}; still there: {Ids(after)}). The BOTW page does not say whether a DELETE by e-mail or phone removes one match or all. {byId}");
            }

            return gone;
        }

        private static string Ids(IEnumerable<Contact> contacts) => string.Join(", ", contacts.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));

        private static string Lookup(ContactFields identity) =>
            "Get-BotwContact" + (identity.Email != null ? " -Email " + identity.Email : string.Empty) + (identity.Phone != null ? " -Phone " + identity.Phone : string.Empty);

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
