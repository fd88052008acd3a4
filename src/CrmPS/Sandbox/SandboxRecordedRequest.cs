using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>A request the sandbox received, as logged for assertions.</summary>
    public sealed class SandboxRecordedRequest
    {
        internal SandboxRecordedRequest(SandboxRequest request, IReadOnlyDictionary<string, string> headers, DateTimeOffset receivedAt)
        {
            Method = request.Method ?? "";
            Path = request.Path ?? "";
            Query = request.Query ?? "";
            ContentType = request.ContentType;
            Headers = headers;
            Body = request.Body == null ? "" : System.Text.Encoding.UTF8.GetString(request.Body);
            Form = SandboxForm.Read(request.ContentType, request.Body);
            ReceivedAt = receivedAt;
        }

        public string Method { get; }

        public string Path { get; }

        public string Query { get; }

        public string ContentType { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public string Body { get; }

        /// <summary>The body's form fields, parsed (empty for a JSON or empty body).</summary>
        public SandboxForm Form { get; }

        public DateTimeOffset ReceivedAt { get; }

        public int StatusCode { get; internal set; }
    }
}
