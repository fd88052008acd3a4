using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.Set, "BotwContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContactResult), typeof(Contact))]
    public sealed class SetBotwContactCommand : BotwContactWriteCmdlet
    {
        /// <summary>The contact to update; when BOTW has no contact with this id it creates one. Without it, the contact is looked up by e-mail or phone.</summary>
        [Parameter(Position = 0)]
        [Alias("ContactId", "contact_id")]
        [ValidateRange(1, int.MaxValue)]
        [FromRow]
        public int Id { get; set; }

        protected override void ProcessRecord()
        {
            if (!ReadRow())
            {
                return;
            }

            ContactFields fields = BoundFields(Id > 0 ? Id : (int?)null);
            object target = InputObject ?? (object)ResultFor(fields, ContactOutcome.Updated, 0, null);
            if (!fields.Id.HasValue && !fields.HasEmailOrPhone)
            {
                WriteInvalid(RowLabel + "The contact was not sent: give -Id, or an Email or Phone to match or create the contact by.", target);
                return;
            }

            if (fields.FirstName == null && fields.LastName == null && !fields.HasEmailOrPhone)
            {
                WriteInvalid($"{RowLabel}The contact was not sent: nothing to set on contact {Id}; give FirstName, LastName, Email or Phone.", target);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            string which = fields.Id.HasValue ? $"contact {fields.Id.Value}" : Describe(fields);
            if (!ShouldProcess($"{which} in listing {listingId}", "Update or create BOTW contact"))
            {
                return;
            }

            ContactUpsertResult upsert;
            try
            {
                upsert = Wait(new ContactUpsert(connection).SendAsync(listingId, fields, Messages, CancellationToken));
            }
            catch (CrmApiException ex)
            {
                WriteApiError(ex, target);
                return;
            }

            if (upsert.Refused)
            {
                WriteError(new ErrorRecord(
                    new System.InvalidOperationException($"The contact was not sent: {upsert.Matches.Count} contacts in listing {listingId} have the {Key(fields)} (ids {upsert.MatchIds}), so CrmPS cannot tell which one to update. Update one by id (Set-BotwContact -Id <id>; {Lookup(fields)} lists them), or remove the extra ones first."),
                    "BotwContactAmbiguous",
                    ErrorCategory.InvalidOperation,
                    target));
                return;
            }

            if (upsert.MayBeDuplicated)
            {
                string holders = upsert.Matches.Count > 1 ? $": contacts {upsert.MatchIds} now have the {Key(fields)}" : string.Empty;
                WriteError(new ErrorRecord(
                    new System.InvalidOperationException($"BOTW created {which} in listing {listingId}, but an earlier attempt that got no clear answer may have created it as well{holders}. Check with {Lookup(fields)} and remove the extra one by id."),
                    "BotwContactMayBeDuplicated",
                    ErrorCategory.InvalidResult,
                    target));
                return;
            }

            WriteVerbose($"BOTW {upsert.Outcome.ToString().ToLowerInvariant()} {(upsert.Id.HasValue ? $"contact {upsert.Id.Value}" : which)} in listing {listingId}.");
            if (PassThru)
            {
                WriteReadBack(connection, listingId, upsert.Id.HasValue ? fields.WithId(upsert.Id.Value) : fields, byId: upsert.Id.HasValue, target);
                return;
            }

            ContactResult result = ResultFor(fields, upsert.Outcome, listingId, upsert.Message);
            result.Id = upsert.Id;
            WriteObject(result);
        }

        private static string Key(ContactFields fields) =>
            !string.IsNullOrEmpty(fields.Email) ? $"e-mail address {fields.Email}" : $"phone number {fields.Phone}";

        private static string Lookup(ContactFields fields) =>
            !string.IsNullOrEmpty(fields.Email) ? $"Get-BotwContact -Email {fields.Email}"
            : !string.IsNullOrEmpty(fields.Phone) ? $"Get-BotwContact -Phone {fields.Phone}"
            : "Get-BotwContact -Name";
    }
}
