using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>One HTTP request as the emulated server sees it.</summary>
    public sealed class SandboxRequest
    {
        public string Method { get; set; } = "GET";

        /// <summary>The raw, still-escaped path relative to the emulated server's root, e.g. "/api/clients/0/1000".</summary>
        public string Path { get; set; } = "/";

        /// <summary>The raw query string without the leading '?'; "" when there is none.</summary>
        public string Query { get; set; } = "";

        public IDictionary<string, string> Headers { get; set; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string ContentType { get; set; }

        public byte[] Body { get; set; } = Array.Empty<byte>();
    }
}
