using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.Set, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class SetBotwContactCommand : BotwCmdlet
    {
        /// <summary>The contact to update; when BOTW has no contact with this id it creates one.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId", "contact_id")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("first name", "first_name", "Forename", "GivenName")]
        public string FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last name", "last_name", "Surname", "FamilyName")]
        public string LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        public string Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Mobile", "mobile phone", "MobilePhone", "primary phone", "PrimaryPhone", "p_phone", "Telephone", "PhoneNumber")]
        public string Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("listing_id")]
        [ValidateRange(1, int.MaxValue)]
        public int ListingId { get; set; }

        /// <summary>Returns the contact as Get-BotwContact shows it (read back after the write) instead of the result.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var fields = new ContactFields
            {
                Id = Id > 0 ? Id : (int?)null,
                FirstName = Blank(FirstName),
                LastName = Blank(LastName),
                Email = FirstValue(Email, isEmail: true, nameof(Email)),
                Phone = FirstValue(Phone, isEmail: false, nameof(Phone)),
            };
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
            string which = fields.Id.HasValue ? $"contact {fields.Id.Value}" : NewBotwContactCommand.Describe(fields);
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

        private static string Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static ContactResult ResultFor(ContactFields fields, ContactOutcome outcome, int listingId, string message) => new ContactResult
        {
            Outcome = outcome,
            ListingId = listingId,
            Id = fields.Id,
            FirstName = fields.FirstName,
            LastName = fields.LastName,
            Email = fields.Email,
            Phone = fields.Phone,
            Message = message,
        };
    }
}
