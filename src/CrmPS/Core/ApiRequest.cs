using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CrmPS.Core
{
    /// <summary>One call to a CRM, described independently of how it is sent.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string relativePath)
        {
            Method = method;
            RelativePath = relativePath.TrimStart('/');
        }

        public HttpMethod Method { get; }

        /// <summary>Already escaped path, resolved under the connection's base URI (so a base path prefix is kept).</summary>
        public string RelativePath { get; }

        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Builds a fresh body each time the request is sent, so a request can be sent again.</summary>
        public Func<HttpContent> ContentFactory { get; set; }

        /// <summary>GET, PUT and DELETE may be sent again after any transient failure; POST only when it provably was not processed.</summary>
        public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete || Method == HttpMethod.Head;

        /// <summary>False when the caller paces itself on 429 (the Bizstim importer), so the choke point hands the refusal back at once.</summary>
        public bool RetryWhenRateLimited { get; set; } = true;

        /// <summary>A success must carry a JSON body; for an idempotent request an unreadable one (an HTML page, a truncated body) is retried.</summary>
        public bool ExpectsJson { get; set; }

        public ApiRequest WithQuery(string name, string value)
        {
            Query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }
}
