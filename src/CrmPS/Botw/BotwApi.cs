using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>
    /// The four BOTW CRM calls on crm/{listing_id}. The HTTP status is the outcome (the reply's
    /// wording is not: a POST answers "successfully updated"); the message is kept for the user.
    /// </summary>
    internal sealed class BotwApi
    {
        private const string Service = BotwConnection.ServiceName;
        private readonly BotwConnection _connection;

        public BotwApi(BotwConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The contacts matching every filter given; empty when BOTW answers 404 (no match).</summary>
        public async Task<List<Contact>> FindAsync(int listingId, ContactQuery query, MessageQueue log, CancellationToken cancel)
        {
            var request = new ApiRequest(HttpMethod.Get, Path(listingId));
            request.Query.AddRange(query.Parameters());
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            if (response.StatusCode == 404)
            {
                return new List<Contact>();
            }

            if (!response.IsSuccess)
            {
                throw Failure(response, null);
            }

            if (!JsonFields.TryParse(response.Body, out JsonElement root))
            {
                throw JsonFields.NotJson(Service, response);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw CrmApiException.InvalidResponse(Service, response, "expected a JSON object with data.results.");
            }

            return BotwParser.ParseContacts(root, listingId);
        }

        /// <summary>
        /// The contacts that have the e-mail of <paramref name="fields"/>, or its phone when it has no e-mail
        /// (New-BotwContact -SkipExisting). A plain search: no merging, no fuzzy matching.
        /// </summary>
        public Task<List<Contact>> FindByEmailOrPhoneAsync(int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel) =>
            FindAsync(listingId, string.IsNullOrEmpty(fields.Email) ? new ContactQuery { Phone = fields.Phone } : new ContactQuery { Email = fields.Email }, log, cancel);

        /// <summary>POST: creates a contact and returns BOTW's message.</summary>
        public async Task<string> CreateAsync(int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel)
        {
            ApiResponse response = await SendFormAsync(HttpMethod.Post, listingId, fields, log, cancel).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw Failure(response, fields);
            }

            return Message(response);
        }

        /// <summary>PUT: updates the contact (200) or creates it (201).</summary>
        public async Task<(ContactOutcome Outcome, string Message)> UpsertAsync(int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel)
        {
            ApiResponse response = await SendFormAsync(HttpMethod.Put, listingId, fields, log, cancel).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw Failure(response, fields);
            }

            return (response.StatusCode == 201 ? ContactOutcome.Created : ContactOutcome.Updated, Message(response));
        }

        /// <summary>DELETE: true when BOTW deleted (202), false when it found no such contact (404).</summary>
        public async Task<bool> DeleteAsync(int listingId, ContactFields identity, MessageQueue log, CancellationToken cancel)
        {
            ApiResponse response = await SendFormAsync(HttpMethod.Delete, listingId, identity, log, cancel).ConfigureAwait(false);
            if (response.StatusCode == 404 && response.Attempts > 1)
            {
                // An earlier attempt may have deleted it before its answer was lost: the contact is gone either way.
                log?.Verbose($"BOTW answered 404 to a repeated DELETE: the contact is gone (an earlier attempt may have deleted it).");
                return true;
            }

            if (response.StatusCode == 404)
            {
                return false;
            }

            if (!response.IsSuccess)
            {
                throw Failure(response, identity);
            }

            return true;
        }

        /// <summary>A failed reply as a CrmApiException; a 400 that says blacklisted becomes BotwContactBlacklisted, in words.</summary>
        internal static CrmApiException Failure(ApiResponse response, ContactFields fields)
        {
            string message = Message(response);
            if (response.StatusCode == 400 && message != null && message.IndexOf("blacklist", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return new CrmApiException(
                    Service,
                    "BotwContactBlacklisted",
                    ErrorCategory.InvalidData,
                    $"{BotwConnection.DisplayName} refused the contact because {WhatIsBlacklisted(fields, message)} is blacklisted. BOTW said: {message.Trim()}",
                    response.StatusCode,
                    message);
            }

            return CrmApiException.FromResponse(Service, response, message);
        }

        /// <summary>BOTW's "message" field; null when the body is not a JSON object with one.</summary>
        internal static string Message(ApiResponse response) =>
            JsonFields.TryParse(response.Body, out JsonElement root) ? JsonFields.String(root, "message") : null;

        private static string WhatIsBlacklisted(ContactFields fields, string message)
        {
            bool mentionsEmail = !string.IsNullOrEmpty(fields?.Email) && message.IndexOf(fields.Email, StringComparison.OrdinalIgnoreCase) >= 0;
            bool mentionsPhone = !string.IsNullOrEmpty(fields?.Phone) && message.IndexOf(fields.Phone, StringComparison.OrdinalIgnoreCase) >= 0;
            if (mentionsEmail && !mentionsPhone)
            {
                return $"its e-mail address {fields.Email}";
            }

            if (mentionsPhone && !mentionsEmail)
            {
                return $"its phone number {fields.Phone}";
            }

            return "its e-mail address or phone number";
        }

        private static string Path(int listingId) => "crm/" + listingId.ToString(CultureInfo.InvariantCulture);

        private Task<ApiResponse> SendFormAsync(HttpMethod method, int listingId, ContactFields fields, MessageQueue log, CancellationToken cancel)
        {
            FormFields form = fields.ToForm();
            var request = new ApiRequest(method, Path(listingId)) { ContentFactory = form.ToUrlEncodedContent };
            return _connection.Transport.SendAsync(request, log, cancel);
        }
    }
}
