using System;
using System.Collections.Generic;
using System.Linq;
using CrmPS.Sandbox;

namespace CrmPS.SandboxHost
{
    /// <summary>
    /// Stands in front of a service on one loopback server: records every request exactly as it
    /// arrived on the wire (headers, Host included), answers requests with a redirect when told to,
    /// and serves the addresses its redirects point at (the same path under "/moved") from the service.
    /// Put one on a second server to see what a redirected client would send there.
    /// </summary>
    public sealed class RedirectingService : ISandboxService
    {
        public const string Moved = "/moved";

        private readonly ISandboxService _inner;
        private readonly List<SandboxRequest> _received = new List<SandboxRequest>();
        private Uri _target;
        private int _status;
        private bool _loop;

        public RedirectingService(ISandboxService inner)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        }

        /// <summary>Every request this server received, in order, as it arrived.</summary>
        public IReadOnlyList<SandboxRequest> Received
        {
            get
            {
                lock (_received)
                {
                    return _received.ToList();
                }
            }
        }

        /// <summary>
        /// Answers every request with <paramref name="status"/> and Location: <paramref name="target"/> (a server root
        /// ending in '/') + "moved" + the request's path and query. With <paramref name="loop"/>, requests already under
        /// "/moved" are redirected again, forever.
        /// </summary>
        public void RedirectTo(Uri target, int status, bool loop = false)
        {
            _target = target;
            _status = status;
            _loop = loop;
        }

        public SandboxResponse Handle(SandboxRequest request)
        {
            lock (_received)
            {
                _received.Add(new SandboxRequest
                {
                    Method = request.Method,
                    Path = request.Path,
                    Query = request.Query,
                    Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase),
                    ContentType = request.ContentType,
                    Body = request.Body,
                });
            }

            string path = request.Path ?? "/";
            bool moved = path.StartsWith(Moved + "/", StringComparison.Ordinal);
            string original = moved ? path.Substring(Moved.Length) : path;
            if (_target != null && (!moved || _loop))
            {
                var response = new SandboxResponse { StatusCode = _status, ContentType = "text/html; charset=utf-8" };
                string query = string.IsNullOrEmpty(request.Query) ? string.Empty : "?" + request.Query;
                response.Headers["Location"] = _target.AbsoluteUri.TrimEnd('/') + Moved + original + query;
                return response;
            }

            request.Path = original;
            return _inner.Handle(request);
        }
    }
}
