using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>The contact fields New-BotwContact and Set-BotwContact take from the pipeline, and the result they report.</summary>
    public abstract class BotwContactWriteCmdlet : BotwCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("first name", "first_name", "Forename", "GivenName")]
        public string FirstName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last name", "last_name", "Surname", "FamilyName")]
        public string LastName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        [AddressList]
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

        /// <summary>The bound fields as BOTW takes them: blanks dropped, one e-mail and one phone.</summary>
        internal ContactFields BoundFields(int? id) => new ContactFields
        {
            Id = id,
            FirstName = Blank(FirstName),
            LastName = Blank(LastName),
            Email = FirstValue(Email, isEmail: true, nameof(Email)),
            Phone = FirstValue(Phone, isEmail: false, nameof(Phone)),
        };

        internal static ContactResult ResultFor(ContactFields fields, ContactOutcome outcome, int listingId, string message) => new ContactResult
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

        internal static string Describe(ContactFields fields) =>
            $"{fields.FirstName} {fields.LastName} <{fields.Email ?? fields.Phone}>".Trim();

        private static string Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
