using System;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>A failed call to a CRM, carrying the server's own words; becomes an ErrorRecord with a stable id.</summary>
    public sealed class CrmApiException : Exception
    {
        internal CrmApiException(string service, string errorId, ErrorCategory category, string message, int? statusCode = null, string serverMessage = null, Exception inner = null, bool mayHaveReachedServer = false)
            : base(message, inner)
        {
            MayHaveReachedServer = mayHaveReachedServer;
            Service = service;
            ErrorId = errorId;
            Category = category;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
        }

        public string Service { get; }

        public string ErrorId { get; }

        public ErrorCategory Category { get; }

        public int? StatusCode { get; }

        public string ServerMessage { get; }

        /// <summary>
        /// True when the request may have been processed although no clear answer came back (a timeout or
        /// reset after sending, a 5xx, an unreadable reply): a write must be verified, not blindly sent again.
        /// </summary>
        public bool MayHaveReachedServer { get; }

        /// <summary>
        /// True when the failure is a redirect CrmPS would not follow: the server's considered answer,
        /// which sending the same request again would only repeat.
        /// </summary>
        public bool IsRedirectRefusal { get; internal set; }

        /// <summary>The HTTP method of the failed request, when known.</summary>
        public string Method { get; internal set; }

        /// <summary>A write that may have been processed: the one case where resending could duplicate a record.</summary>
        public bool IsAmbiguousWrite => MayHaveReachedServer && string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

        /// <summary>The same failure under another error id and in words that say what it stopped; this one is the inner exception.</summary>
        internal CrmApiException Reworded(string errorId, string message) =>
            new CrmApiException(Service, errorId, Category, message, StatusCode, ServerMessage, this) { Method = Method };

        internal static CrmApiException FromResponse(string service, ApiResponse response, string serverMessage)
        {
            string said = string.IsNullOrWhiteSpace(serverMessage) ? TextPreview.Of(response.Body) : serverMessage.Trim();
            string message = $"{service} answered {response.StatusCode} {response.ReasonPhrase} to {response.Method} {response.Url}"
                + (said.Length > 0 ? ": " + said : ".");
            return new CrmApiException(service, service + "Api" + response.StatusCode, CategoryFor(response.StatusCode), message, response.StatusCode, serverMessage, mayHaveReachedServer: response.StatusCode >= 500)
            {
                Method = response.Method,
            };
        }

        internal static CrmApiException InvalidResponse(string service, ApiResponse response, string problem) =>
            new CrmApiException(
                service,
                service + "InvalidResponse",
                ErrorCategory.InvalidResult,
                $"{service} sent a response CrmPS cannot read to {response.Method} {response.Url} ({response.StatusCode}, {DescribeContentType(response.ContentType)}, {response.Body.Length} characters): {problem}"
                    + (response.Body.Length > 0 ? " The response began: " + TextPreview.Of(response.Body) : string.Empty),
                response.StatusCode,
                mayHaveReachedServer: true)
            {
                Method = response.Method,
            };

        public ErrorRecord ToErrorRecord(object targetObject)
        {
            var record = new ErrorRecord(this, ErrorId, Category, targetObject);
            if (IsAmbiguousWrite)
            {
                record.ErrorDetails = new ErrorDetails(Message + " The record may have been stored although no clear answer came back; CrmPS did not send it again.")
                {
                    RecommendedAction = $"Check in {Service} whether the record exists before sending it again.",
                };
            }

            return record;
        }

        private static string DescribeContentType(string contentType) =>
            string.IsNullOrEmpty(contentType) ? "no content type" : contentType;

        private static ErrorCategory CategoryFor(int status)
        {
            switch (status)
            {
                case 400:
                case 422:
                    return ErrorCategory.InvalidData;
                case 401:
                    return ErrorCategory.AuthenticationError;
                case 403:
                    return ErrorCategory.PermissionDenied;
                case 404:
                    return ErrorCategory.ObjectNotFound;
                case 408:
                    return ErrorCategory.OperationTimeout;
                case 429:
                    return ErrorCategory.LimitsExceeded;
                default:
                    return status >= 500 ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidResult;
            }
        }
    }
}
