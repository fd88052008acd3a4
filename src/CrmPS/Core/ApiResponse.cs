using System;

namespace CrmPS.Core
{
    internal sealed class ApiResponse
    {
        public ApiResponse(string method, string url, int statusCode, string reasonPhrase, string contentType, string body, TimeSpan? retryAfter)
        {
            Method = method;
            Url = url;
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            ContentType = contentType ?? string.Empty;
            Body = body ?? string.Empty;
            RetryAfter = retryAfter;
        }

        public string Method { get; }

        /// <summary>The URL as it may be shown to the user (redacted).</summary>
        public string Url { get; }

        public int StatusCode { get; }

        public string ReasonPhrase { get; }

        public string ContentType { get; }

        public string Body { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>How many times the request was sent to get this answer (more than 1 after retries).</summary>
        public int Attempts { get; internal set; } = 1;

        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    }
}
