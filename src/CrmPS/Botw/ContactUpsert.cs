using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>
    /// Set-BotwContact's write, the same whichever reading of the BOTW page the server takes. With an id: PUT it.
    /// Without: find the contact by e-mail (or phone) first, then PUT with the id found (one match), POST a new
    /// contact (none) or send nothing (several). CrmPS never sends a PUT without an id: the page leaves open whether
    /// BOTW then updates the contact with that e-mail or creates another one, and under the second reading a
    /// resent PUT would create it twice.
    /// </summary>
    internal sealed class ContactUpsert
    {
        private readonly BotwApi _api;

        public ContactUpsert(BotwConnection connection)
        {
            _api = connection.Api;
        }

        public async Task<ContactUpsertResult> SendAsync(int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel)
        {
            if (fields.Id.HasValue)
            {
                return await UpdateAsync(listingId, fields, log, cancel).ConfigureAwait(false);
            }

            ContactQuery key = ContactQuery.ByEmailOrPhone(fields.Email, fields.Phone);
            List<Contact> matches = await _api.FindByEmailOrPhoneAsync(listingId, fields.Email, fields.Phone, log, cancel).ConfigureAwait(false);
            if (matches.Count > 1)
            {
                return ContactUpsertResult.Ambiguous(matches);
            }

            if (matches.Count == 1)
            {
                int id = matches[0].Id;
                log?.Verbose($"Found BOTW contact {id.ToString(CultureInfo.InvariantCulture)} by {key}; updating it by id.");
                return await UpdateAsync(listingId, fields.WithId(id), log, cancel).ConfigureAwait(false);
            }

            log?.Verbose($"No BOTW contact in listing {listingId.ToString(CultureInfo.InvariantCulture)} matches {key}; creating it.");
            return await CreateAsync(listingId, fields, key, log, cancel).ConfigureAwait(false);
        }

        private async Task<ContactUpsertResult> UpdateAsync(int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel)
        {
            var (outcome, message, repeated) = await _api.UpsertAsync(listingId, fields, log, cancel).ConfigureAwait(false);
            if (outcome == ContactOutcome.Updated)
            {
                return ContactUpsertResult.Done(outcome, fields.Id, message);
            }

            if (!repeated)
            {
                return ContactUpsertResult.Done(outcome, null, message);
            }

            // BOTW had no contact with this id and created one, on a resent PUT: the attempt whose answer was lost may have
            // created one too. Count the contacts holding the e-mail (or phone) to tell.
            List<Contact> holders = null;
            if (fields.HasEmailOrPhone)
            {
                try
                {
                    holders = await _api.FindByEmailOrPhoneAsync(listingId, fields.Email, fields.Phone, log, cancel).ConfigureAwait(false);
                }
                catch (CrmApiException ex)
                {
                    log?.Verbose($"Could not count the contacts created by the repeated PUT: {ex.Message}");
                }
            }

            return holders != null && holders.Count == 1
                ? ContactUpsertResult.Done(outcome, holders[0].Id, message)
                : ContactUpsertResult.PerhapsTwice(holders);
        }

        /// <summary>
        /// POST, which creates under every reading. After an answer that leaves the outcome open (a timeout or reset after
        /// sending, a 5xx, an unreadable reply), look once: found, it was created. Not found is no proof: a slow server may
        /// still store the first POST after the lookup (a late commit), so the create is not sent again; the error says it
        /// may have been stored and how to check.
        /// </summary>
        private async Task<ContactUpsertResult> CreateAsync(int listingId, ContactFields fields, ContactQuery key, MessageQueue log, CancellationToken cancel)
        {
            CrmApiException unclear;
            try
            {
                string message = await _api.CreateAsync(listingId, fields, log, cancel).ConfigureAwait(false);
                return ContactUpsertResult.Done(ContactOutcome.Created, null, message);
            }
            catch (CrmApiException ex) when (ex.MayHaveReachedServer)
            {
                unclear = ex;
            }

            List<Contact> found;
            try
            {
                found = await _api.FindByEmailOrPhoneAsync(listingId, fields.Email, fields.Phone, log, cancel).ConfigureAwait(false);
            }
            catch (CrmApiException lookup)
            {
                log?.Verbose($"The create got no clear answer and the lookup by {key} failed too ({lookup.Message}); not sending it again.");
                throw unclear;
            }

            if (found.Count == 1)
            {
                log?.Verbose($"The create got no clear answer ({unclear.Message}), but BOTW now has contact {found[0].Id.ToString(CultureInfo.InvariantCulture)} for {key}: it was created.");
                return ContactUpsertResult.Done(ContactOutcome.Created, found[0].Id, null);
            }

            if (found.Count > 1)
            {
                return ContactUpsertResult.PerhapsTwice(found);
            }

            throw new CrmApiException(
                unclear.Service,
                unclear.ErrorId,
                unclear.Category,
                $"{unclear.Message} A lookup by {key} right after found no contact, but a slow server may still store the request, so it was not sent again: check with Get-BotwContact before sending it again.",
                unclear.StatusCode,
                unclear.ServerMessage,
                unclear,
                mayHaveReachedServer: true)
            {
                Method = unclear.Method,
            };
        }
    }
}
