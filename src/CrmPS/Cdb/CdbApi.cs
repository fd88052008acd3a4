using System;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>
    /// The Customer Database App endpoints: every one is a multipart POST that answers
    /// {"message":"&lt;new id&gt;","result":true}, or result false with the reason in message.
    /// </summary>
    internal sealed class CdbApi
    {
        private const string Service = CdbConnection.ServiceName;
        private readonly CdbConnection _connection;

        public CdbApi(CdbConnection connection)
        {
            _connection = connection;
        }

        /// <summary>Sends the form and returns the id of what was created.</summary>
        public async Task<int> CreateAsync(CdbRequest request, MessageQueue log, CancellationToken cancel)
        {
            FormFields fields = request.Fields;
            string boundary = fields.NewBoundary();
            var call = new ApiRequest(HttpMethod.Post, request.Path) { ContentFactory = () => fields.ToMultipartContent(boundary) };
            ApiResponse response = await _connection.Transport.SendAsync(call, log, cancel).ConfigureAwait(false);
            return ReadCreatedId(response, request.What);
        }

        /// <summary>The new id from a reply; a refusal, an HTTP error or an unreadable reply becomes a CrmApiException.</summary>
        internal static int ReadCreatedId(ApiResponse response, string what)
        {
            bool isJson = JsonFields.TryParse(response.Body, out JsonElement root);
            string message = isJson ? JsonFields.String(root, "message") : null;
            if (!response.IsSuccess)
            {
                if (isJson && Result(root) == false && response.StatusCode < 500 && response.StatusCode != 401 && response.StatusCode != 403 && response.StatusCode != 429)
                {
                    throw Rejected(response, what, message);
                }

                throw CrmApiException.FromResponse(Service, response, message);
            }

            if (!isJson)
            {
                throw JsonFields.NotJson(Service, response);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw CrmApiException.InvalidResponse(Service, response, "expected a JSON object with result and message.");
            }

            bool? result = Result(root);
            if (result == null)
            {
                throw CrmApiException.InvalidResponse(Service, response, "the result field is missing or is not true or false.");
            }

            if (result == false)
            {
                throw Rejected(response, what, message);
            }

            if (!int.TryParse(message?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id <= 0)
            {
                throw CrmApiException.InvalidResponse(Service, response, $"result is true but message is not the new {what}'s id.");
            }

            return id;
        }

        private static CrmApiException Rejected(ApiResponse response, string what, string message)
        {
            string reason = string.IsNullOrWhiteSpace(message) ? "(no reason given)" : message.Trim();
            return new CrmApiException(
                Service,
                "CdbRequestRejected",
                ErrorCategory.InvalidData,
                $"{CdbConnection.DisplayName} did not create the {what}: {reason}",
                response.StatusCode,
                message);
        }

        /// <summary>result as true/false, "true"/"false" or 1/0; null when missing or anything else.</summary>
        private static bool? Result(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out JsonElement value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
            }

            switch (JsonFields.String(root, "result")?.Trim().ToLowerInvariant())
            {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    return null;
            }
        }
    }
}
