using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>The contact fields New-BotwContact and Set-BotwContact take from the pipeline, and the result they report.</summary>
    public abstract class BotwContactWriteCmdlet : BotwCmdlet
    {
        [Parameter]
        [Alias("first name", "first_name", "Forename", "GivenName")]
        [FromRow]
        public string FirstName { get; set; }

        [Parameter]
        [Alias("last name", "last_name", "Surname", "FamilyName")]
        [FromRow]
        public string LastName { get; set; }

        [Parameter]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        [AddressList]
        [FromRow]
        public string Email { get; set; }

        [Parameter]
        [Alias("Mobile", "mobile phone", "MobilePhone", "primary phone", "PrimaryPhone", "p_phone", "Telephone", "PhoneNumber")]
        [FromRow]
        public string Phone { get; set; }

        [Parameter]
        [Alias("listing_id")]
        [ValidateRange(1, int.MaxValue)]
        [FromRow]
        public int ListingId { get; set; }

        /// <summary>Returns the contact as Get-BotwContact shows it (read back after the write) instead of the result.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A row (Import-Csv, a hashtable, another cmdlet's object): its columns fill the fields not given as parameters.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Input column to field, for columns whose names the cmdlet does not know.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary ColumnMap { get; set; }

        private RowFields _rowFields;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                _rowFields = new RowFields(this, ColumnMap);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BotwColumnMapInvalid", ErrorCategory.InvalidArgument, ColumnMap));
            }
        }

        /// <summary>
        /// Reads the piped row (if any) into the fields, warning once about columns nothing takes; false
        /// (with the row's error written) when a field cannot be read.
        /// </summary>
        internal bool ReadRow()
        {
            if (InputObject == null)
            {
                return true;
            }

            List<string> problems = _rowFields.Read(InputObject);
            if (problems.Count > 0)
            {
                WriteInvalid(RowLabel + "The contact was not sent: " + string.Join(" ", problems), InputObject);
                return false;
            }

            return true;
        }

        /// <summary>"Row N: " when the input came from the pipeline, for the messages that name it.</summary>
        internal string RowLabel => InputObject != null && _rowFields != null && _rowFields.RowNumber > 0 ? _rowFields.RowLabel : string.Empty;

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
