using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommunications.Send, "BizstimInquiry", DefaultParameterSetName = AdminSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InquiryResult))]
    public sealed class SendBizstimInquiryCommand : BizstimCmdlet
    {
        private const string AdminSet = "NotifyAdmin";
        private const string StaffSet = "NotifyStaff";
        private const string EmailSet = "NotifyEmail";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("first name", "first_name", "GivenName")]
        [ValidateNotNullOrEmpty]
        public string FirstName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("last name", "last_name", "Surname")]
        [ValidateNotNullOrEmpty]
        public string LastName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string City { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Province")]
        [ValidateNotNullOrEmpty]
        public string State { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Country { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress")]
        [AddressList]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Comments", "Inquiry")]
        [ValidateNotNullOrEmpty]
        public string Message { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("p_phone", "primary phone", "PrimaryPhone")]
        public string Phone { get; set; }

        [Parameter]
        public SwitchParameter SaveAsProspect { get; set; }

        [Parameter(ParameterSetName = StaffSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ValidatePathSegment]
        public string NotifyStaff { get; set; }

        [Parameter(ParameterSetName = EmailSet, Mandatory = true)]
        [ValidateInquiryEmail]
        public string NotifyEmail { get; set; }

        protected override void ProcessRecord()
        {
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
            if (ParameterSetName == StaffSet)
            {
                inquiry.Recipient = InquiryRecipient.Staff;
                inquiry.RecipientValue = NotifyStaff;
                recipient = $"staff user {NotifyStaff}";
            }
            else if (ParameterSetName == EmailSet)
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
