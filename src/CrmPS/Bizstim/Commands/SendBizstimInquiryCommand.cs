using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommunications.Send, "BizstimInquiry", DefaultParameterSetName = FieldsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InquiryResult))]
    public sealed class SendBizstimInquiryCommand : BizstimCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string RowSet = "InputObject";

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("first name", "first_name", "GivenName")]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string FirstName { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("last name", "last_name", "Surname")]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string LastName { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string City { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("Province")]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string State { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string Country { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("e-mail", "EmailAddress")]
        [AddressList]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string Email { get; set; }

        [Parameter(ParameterSetName = FieldsSet, Mandatory = true)]
        [Parameter(ParameterSetName = RowSet)]
        [Alias("Comments", "Inquiry")]
        [ValidateNotNullOrEmpty]
        [FromRow]
        public string Message { get; set; }

        [Parameter]
        [Alias("p_phone", "primary phone", "PrimaryPhone")]
        [FromRow]
        public string Phone { get; set; }

        /// <summary>A row (Import-Csv, a hashtable, another cmdlet's object): its columns fill the fields not given as parameters.</summary>
        [Parameter(ParameterSetName = RowSet, Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Input column to field, for columns whose names the cmdlet does not know.</summary>
        [Parameter(ParameterSetName = RowSet)]
        [ValidateNotNull]
        public IDictionary ColumnMap { get; set; }

        [Parameter]
        public SwitchParameter SaveAsProspect { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidatePathSegment]
        public string NotifyStaff { get; set; }

        [Parameter]
        [ValidateInquiryEmail]
        public string NotifyEmail { get; set; }

        private RowFields _rowFields;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (NotifyStaff != null && NotifyEmail != null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("An inquiry tells one recipient: give -NotifyStaff or -NotifyEmail, not both (neither tells the Bizstim admin)."),
                    "BizstimInquiryRecipientConflict",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (ParameterSetName == RowSet)
            {
                try
                {
                    _rowFields = new RowFields(this, ColumnMap);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "BizstimColumnMapInvalid", ErrorCategory.InvalidArgument, ColumnMap));
                }
            }
        }

        protected override void ProcessRecord()
        {
            if (_rowFields != null && !ReadRow())
            {
                return;
            }

            string[] addresses = CellValues.Addresses(new[] { Email });
            if (addresses.Length > 1)
            {
                WriteWarning($"Email holds {addresses.Length} addresses; a Bizstim inquiry takes one, so {addresses[0]} is sent and {string.Join(", ", addresses.Skip(1))} is not.");
            }

            string email = addresses.Length > 0 ? addresses[0] : Email;
            var inquiry = new InquiryRequest
            {
                FirstName = FirstName,
                LastName = LastName,
                City = City,
                State = State,
                Country = Country,
                Email = email,
                Phone = Phone,
                Message = Message,
                SaveAsProspect = SaveAsProspect,
            };
            string recipient = "the Bizstim admin";
            if (NotifyStaff != null)
            {
                inquiry.Recipient = InquiryRecipient.Staff;
                inquiry.RecipientValue = NotifyStaff;
                recipient = $"staff user {NotifyStaff}";
            }
            else if (NotifyEmail != null)
            {
                inquiry.Recipient = InquiryRecipient.Email;
                inquiry.RecipientValue = NotifyEmail;
                recipient = NotifyEmail;
            }

            string action = $"Send sales inquiry from {FirstName} {LastName} <{email}> to {recipient}" + (SaveAsProspect ? ", saving the client as a prospect" : string.Empty);
            if (!ShouldProcess(email, action))
            {
                return;
            }

            BizstimConnection connection = ResolveConnection();
            try
            {
                WriteObject(Wait(connection.Api.SendInquiryAsync(inquiry, Messages, CancellationToken)));
            }
            catch (CrmApiException ex)
            {
                WriteError(ex.ToErrorRecord(Target()));
            }
        }

        /// <summary>Reads the piped row into the fields; false (with the row's error written) when a field cannot be read or a required one is empty.</summary>
        private bool ReadRow()
        {
            List<string> problems = _rowFields.Read(InputObject);
            RowFields.Require(problems, nameof(FirstName), string.IsNullOrWhiteSpace(FirstName));
            RowFields.Require(problems, nameof(LastName), string.IsNullOrWhiteSpace(LastName));
            RowFields.Require(problems, nameof(City), string.IsNullOrWhiteSpace(City));
            RowFields.Require(problems, nameof(State), string.IsNullOrWhiteSpace(State));
            RowFields.Require(problems, nameof(Country), string.IsNullOrWhiteSpace(Country));
            RowFields.Require(problems, nameof(Email), string.IsNullOrWhiteSpace(Email));
            RowFields.Require(problems, nameof(Message), string.IsNullOrWhiteSpace(Message));

            if (problems.Count == 0)
            {
                return true;
            }

            string message = $"{_rowFields.RowLabel}The inquiry was not sent: {string.Join(" ", problems)}";
            WriteError(new ErrorRecord(new System.IO.InvalidDataException(message), "BizstimInquiryInvalid", ErrorCategory.InvalidData, InputObject));
            return false;
        }

        private PSObject Target()
        {
            var target = new PSObject();
            target.Properties.Add(new PSNoteProperty(nameof(FirstName), FirstName));
            target.Properties.Add(new PSNoteProperty(nameof(LastName), LastName));
            target.Properties.Add(new PSNoteProperty(nameof(City), City));
            target.Properties.Add(new PSNoteProperty(nameof(State), State));
            target.Properties.Add(new PSNoteProperty(nameof(Country), Country));
            target.Properties.Add(new PSNoteProperty(nameof(Email), Email));
            target.Properties.Add(new PSNoteProperty(nameof(Phone), Phone));
            target.Properties.Add(new PSNoteProperty(nameof(Message), Message));
            return target;
        }
    }
}
