using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommon.Get, "BotwContact")]
    [OutputType(typeof(Contact))]
    public sealed class GetBotwContactCommand : BotwCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId", "contact_id")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string FirstName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LastName { get; set; }

        /// <summary>Matches the first name or the last name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress")]
        [AddressList]
        public string Email { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("listing_id")]
        [ValidateRange(1, int.MaxValue)]
        public int ListingId { get; set; }

        protected override void ProcessRecord()
        {
            var query = new ContactQuery
            {
                Id = Id > 0 ? Id : (int?)null,
                FirstName = FirstName,
                LastName = LastName,
                Name = Name,
                Email = Email,
                Phone = Phone,
            };
            if (query.IsEmpty)
            {
                var missing = new ErrorRecord(
                    new ArgumentException("Get-BotwContact needs at least one filter: -Id, -FirstName, -LastName, -Name, -Email or -Phone. BOTW does not list a whole listing."),
                    "BotwContactFilterMissing",
                    ErrorCategory.InvalidArgument,
                    null);
                if (!MyInvocation.ExpectingInput)
                {
                    ThrowTerminatingError(missing);
                }

                WriteError(missing);
                return;
            }

            BotwConnection connection = ResolveConnection();
            int listingId = ResolveListingId(connection, ListingId);
            var contacts = new List<Contact>();
            var seen = new HashSet<int>();
            foreach (ContactQuery one in PerAddress(query))
            {
                try
                {
                    foreach (Contact contact in Wait(connection.Api.FindAsync(listingId, one, Messages, CancellationToken)))
                    {
                        if (seen.Add(contact.Id))
                        {
                            contacts.Add(contact);
                        }
                    }
                }
                catch (CrmApiException ex)
                {
                    WriteApiError(ex, one.ToString());
                    return;
                }
            }

            if (contacts.Count == 0)
            {
                WriteVerbose($"No BOTW contact in listing {listingId} matches {query}.");
                if (query.Id.HasValue)
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"No BOTW contact in listing {listingId} has id {query.Id.Value}" + (query.Parameters().Count > 1 ? $" and matches {query}." : ".")),
                        "BotwContactNotFound",
                        ErrorCategory.ObjectNotFound,
                        query.Id.Value));
                }

                return;
            }

            foreach (Contact contact in contacts)
            {
                WriteObject(contact);
            }
        }

        /// <summary>A cell with several addresses is one search per address (BOTW matches one e-mail at a time).</summary>
        private static IEnumerable<ContactQuery> PerAddress(ContactQuery query)
        {
            string[] addresses = CellValues.Addresses(new[] { query.Email });
            if (addresses.Length <= 1)
            {
                yield return query;
                yield break;
            }

            foreach (string address in addresses)
            {
                yield return new ContactQuery { Id = query.Id, FirstName = query.FirstName, LastName = query.LastName, Name = query.Name, Email = address, Phone = query.Phone };
            }
        }
    }
}
