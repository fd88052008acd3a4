using System;
using System.Collections.Generic;
using System.Text;

namespace CrmPS.Sandbox
{
    /// <summary>The emulated server's answer to a <see cref="SandboxRequest"/>.</summary>
    public sealed class SandboxResponse
    {
        public const string JsonContentType = "application/json; charset=utf-8";

        public int StatusCode { get; set; } = 200;

        public string ContentType { get; set; } = JsonContentType;

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public IDictionary<string, string> Headers { get; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Fault injection: how long the server waits before answering.</summary>
        public TimeSpan Delay { get; set; }

        /// <summary>Fault injection: drop the connection instead of answering.</summary>
        public bool AbortConnection { get; set; }

        public string BodyText => Encoding.UTF8.GetString(Body ?? Array.Empty<byte>());

        public static SandboxResponse Json(int status, string json) => Json(status, Encoding.UTF8.GetBytes(json ?? ""));

        internal static SandboxResponse Json(int status, byte[] json) =>
            new SandboxResponse { StatusCode = status, ContentType = JsonContentType, Body = json };
    }
}
