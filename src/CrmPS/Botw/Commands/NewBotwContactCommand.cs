using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.New, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class NewBotwContactCommand : BotwCmdlet
    {
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
                FirstName = Blank(FirstName),
                LastName = Blank(LastName),
                Email = FirstValue(Email, isEmail: true, nameof(Email)),
                Phone = FirstValue(Phone, isEmail: false, nameof(Phone)),
            };
            object target = InputObject ?? (object)ResultFor(fields, 0, null);
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

            WriteObject(ResultFor(fields, listingId, message));
        }

        internal static string Describe(ContactFields fields) =>
            $"{fields.FirstName} {fields.LastName} <{fields.Email ?? fields.Phone}>".Trim();

        private static string Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static ContactResult ResultFor(ContactFields fields, int listingId, string message) => new ContactResult
        {
            Outcome = ContactOutcome.Created,
            ListingId = listingId,
            FirstName = fields.FirstName,
            LastName = fields.LastName,
            Email = fields.Email,
            Phone = fields.Phone,
            Message = message,
        };
    }
}
