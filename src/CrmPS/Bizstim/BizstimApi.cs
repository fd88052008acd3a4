using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>Every Bizstim endpoint of the vendor pages, as typed calls through the connection's transport.</summary>
    internal sealed class BizstimApi
    {
        public const int MaxPageSize = 1000;
        private const string Service = BizstimConnection.ServiceName;
        private readonly BizstimConnection _connection;

        public BizstimApi(BizstimConnection connection)
        {
            _connection = connection;
        }

        public async Task<Page<Client>> GetClientsAsync(int start, int limit, MessageQueue log, CancellationToken cancel)
        {
            var request = Get($"api/clients/{Num(start)}/{Num(limit)}");
            using (JsonDocument document = await SendForSuccessAsync(request, log, cancel).ConfigureAwait(false))
            {
                return ReadPage(document.RootElement, BizstimParser.ParseClient);
            }
        }

        /// <summary>The single-client lookup; null when no client matches.</summary>
        public async Task<ClientDetail> FindClientAsync(IEnumerable<KeyValuePair<string, string>> query, MessageQueue log, CancellationToken cancel)
        {
            var request = Get("api/client");
            request.Query.AddRange(query);
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            if (response.StatusCode == 404)
            {
                return null;
            }

            using (JsonDocument document = ReadSuccess(response))
            {
                return JsonFields.TryGetObject(document.RootElement, "response", out JsonElement client)
                    ? BizstimParser.ParseClientDetail(client)
                    : null;
            }
        }

        public async Task<ImportOutcome> ImportAsync(ClientBatch batch, MessageQueue log, CancellationToken cancel)
        {
            byte[] body = await batch.JsonAsync().ConfigureAwait(false);
            var request = new ApiRequest(HttpMethod.Post, "api/clients") { ContentFactory = () => Json(body), RetryWhenRateLimited = false };
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            string message = ServerMessage(response, out bool statusSuccess, out _);
            if (response.IsSuccess && statusSuccess)
            {
                return ImportOutcome.Imported(message);
            }

            if (message != null && message.IndexOf("Trial accounts may only add", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return ImportOutcome.TrialLimit(message, response.RetryAfter, response.StatusCode == 429);
            }

            if (response.StatusCode == 429)
            {
                return ImportOutcome.RateLimited(message, response.RetryAfter);
            }

            if (message != null && message.IndexOf("error with 1 or more of the records", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return ImportOutcome.Partial(message);
            }

            if (response.IsSuccess && message == null)
            {
                throw CrmApiException.InvalidResponse(Service, response, "expected a JSON object with status and response.");
            }

            throw CrmApiException.FromResponse(Service, response, message);
        }

        public async Task<InquiryResult> SendInquiryAsync(InquiryRequest inquiry, MessageQueue log, CancellationToken cancel)
        {
            byte[] body = inquiry.ToJson();
            var request = new ApiRequest(HttpMethod.Post, inquiry.RelativePath) { ContentFactory = () => Json(body) };
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            string message = ServerMessage(response, out _, out JsonElement root);
            int? code = root.ValueKind == JsonValueKind.Object ? JsonFields.Int(root, "code") : null;
            if (code == 5)
            {
                throw new CrmApiException(
                    Service,
                    "BizstimInquiryInvalid",
                    System.Management.Automation.ErrorCategory.InvalidData,
                    $"Bizstim refused the inquiry from {inquiry.Email}: {InquiryOutcome.ValidationText(message)}",
                    response.StatusCode,
                    message);
            }

            if (!response.IsSuccess || code == null)
            {
                if (response.IsSuccess)
                {
                    throw CrmApiException.InvalidResponse(Service, response, "expected a JSON object with a numeric code.");
                }

                throw CrmApiException.FromResponse(Service, response, message);
            }

            return InquiryOutcome.ToResult(inquiry, code.Value, message);
        }

        public async Task<Page<Session>> GetSessionsAsync(int start, int limit, MessageQueue log, CancellationToken cancel)
        {
            var request = Get($"api/sessions/{Num(start)}/{Num(limit)}");
            using (JsonDocument document = await SendForSuccessAsync(request, log, cancel).ConfigureAwait(false))
            {
                string zone = JsonFields.String(document.RootElement, "timezone");
                return ReadPage(document.RootElement, json => BizstimParser.ParseSession(json, zone));
            }
        }

        /// <summary>One session; null when Bizstim has no session with that id.</summary>
        public async Task<Session> GetSessionAsync(int id, MessageQueue log, CancellationToken cancel)
        {
            var request = Get($"api/session/{Num(id)}");
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            if (response.StatusCode == 404)
            {
                return null;
            }

            using (JsonDocument document = ReadSuccess(response))
            {
                string zone = JsonFields.String(document.RootElement, "timezone");
                return JsonFields.TryGetObject(document.RootElement, "response", out JsonElement session)
                    ? BizstimParser.ParseSession(session, zone)
                    : null;
            }
        }

        public async Task<List<ClientTestimonial>> GetTestimonialsAsync(MessageQueue log, CancellationToken cancel)
        {
            var request = Get("api/testimonials");
            using (JsonDocument document = await SendForSuccessAsync(request, log, cancel).ConfigureAwait(false))
            {
                var testimonials = new List<ClientTestimonial>();
                if (JsonFields.TryGetArray(document.RootElement, "response", out JsonElement items))
                {
                    foreach (JsonElement item in items.EnumerateArray())
                    {
                        testimonials.Add(BizstimParser.ParseTestimonial(item));
                    }
                }

                return testimonials;
            }
        }

        public async Task<Uri> GetOnDemandLinkAsync(string studentId, int primaryAgentId, int secondaryAgentId, MessageQueue log, CancellationToken cancel)
        {
            // The student id is data, not route: escape it so "../x" or "a/b" stays one segment.
            string path = $"ondemand/{PathSegment.Escape(studentId)}/{Num(primaryAgentId)}/{Num(secondaryAgentId)}";
            var request = Get(path);
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            using (JsonDocument document = ReadSuccess(response))
            {
                string link = JsonFields.String(document.RootElement, "response");
                string compact = link == null ? null : System.Text.RegularExpressions.Regex.Replace(link, @"\s+", string.Empty);
                if (!Uri.TryCreate(compact, UriKind.Absolute, out Uri uri))
                {
                    throw CrmApiException.InvalidResponse(Service, response, "the response field is not an absolute link.");
                }

                return uri;
            }
        }

        /// <summary>A read: idempotent, and answered with JSON, so an unreadable success is retried by the transport.</summary>
        private static ApiRequest Get(string relativePath) => new ApiRequest(HttpMethod.Get, relativePath) { ExpectsJson = true };

        private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static HttpContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        private static Page<T> ReadPage<T>(JsonElement root, Func<JsonElement, T> parse)
        {
            var items = new List<T>();
            if (JsonFields.TryGetArray(root, "response", out JsonElement array))
            {
                foreach (JsonElement item in array.EnumerateArray())
                {
                    items.Add(parse(item));
                }
            }

            return new Page<T>(JsonFields.Long(root, "total") ?? items.Count, items);
        }

        private async Task<JsonDocument> SendForSuccessAsync(ApiRequest request, MessageQueue log, CancellationToken cancel)
        {
            ApiResponse response = await _connection.Transport.SendAsync(request, log, cancel).ConfigureAwait(false);
            return ReadSuccess(response);
        }

        /// <summary>Parses a 2xx body whose status is success; anything else becomes a CrmApiException with Bizstim's own words.</summary>
        private static JsonDocument ReadSuccess(ApiResponse response)
        {
            string message = ServerMessage(response, out bool statusSuccess, out _);
            if (!response.IsSuccess || (message != null && !statusSuccess))
            {
                throw CrmApiException.FromResponse(Service, response, message);
            }

            JsonDocument document = JsonFields.Parse(Service, response);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw CrmApiException.InvalidResponse(Service, response, "expected a JSON object.");
            }

            return document;
        }

        /// <summary>Bizstim's words from a body of the form {"status": "...", "response": "..."}; null when the body is not such an object.</summary>
        private static string ServerMessage(ApiResponse response, out bool statusSuccess, out JsonElement root)
        {
            statusSuccess = false;
            root = default;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(response.Body);
            }
            catch (JsonException)
            {
                return null;
            }

            using (document)
            {
                root = document.RootElement.Clone();
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string status = JsonFields.String(root, "status");
            statusSuccess = string.Equals(status, "success", StringComparison.OrdinalIgnoreCase)
                || string.Equals(status, "1", StringComparison.Ordinal);
            if (root.TryGetProperty("response", out JsonElement said) && said.ValueKind == JsonValueKind.String)
            {
                return said.GetString();
            }

            return JsonFields.String(root, "error") ?? JsonFields.String(root, "message") ?? (status != null ? string.Empty : null);
        }
    }
}
