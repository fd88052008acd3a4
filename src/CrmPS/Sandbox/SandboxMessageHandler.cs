using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Sandbox
{
    /// <summary>Serves HttpClient requests from an <see cref="ISandboxService"/> in-process, with no network.</summary>
    public sealed class SandboxMessageHandler : HttpMessageHandler
    {
        private readonly ISandboxService _service;
        private readonly string _basePath;

        /// <param name="baseUri">The emulated server's root; its path (e.g. "/prefix/") is stripped from request paths.</param>
        public SandboxMessageHandler(ISandboxService service, Uri baseUri)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            if (baseUri == null || !baseUri.IsAbsoluteUri) throw new ArgumentException("An absolute base URI is required.", nameof(baseUri));
            BaseUri = baseUri;
            _basePath = baseUri.AbsolutePath.TrimEnd('/');
        }

        public Uri BaseUri { get; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = RelativePath(request.RequestUri);
            if (path == null) return ToMessage(request, NotFound());
            var sandboxRequest = new SandboxRequest
            {
                Method = request.Method.Method,
                Path = path,
                Query = request.RequestUri.Query.TrimStart('?'),
                Headers = CopyHeaders(request),
                ContentType = request.Content?.Headers.ContentType?.ToString(),
                Body = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false),
            };
            cancellationToken.ThrowIfCancellationRequested();
            SandboxResponse response = _service.Handle(sandboxRequest);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, cancellationToken).ConfigureAwait(false);
            }

            if (response.AbortConnection)
            {
                throw new HttpRequestException("An error occurred while sending the request.", new System.IO.IOException("The sandbox reset the connection (injected fault)."));
            }

            return ToMessage(request, response);
        }

        private string RelativePath(Uri uri)
        {
            if (uri == null || !uri.IsAbsoluteUri) return null;
            var path = uri.AbsolutePath;
            if (_basePath.Length == 0) return path;
            if (!path.StartsWith(_basePath, StringComparison.Ordinal)) return null;
            var rest = path.Substring(_basePath.Length);
            if (rest.Length == 0) return "/";
            return rest[0] == '/' ? rest : null;
        }

        private static SandboxResponse NotFound() =>
            new SandboxResponse { StatusCode = 404, ContentType = "text/plain; charset=utf-8", Body = System.Text.Encoding.UTF8.GetBytes("Not under the sandbox base URI.") };

        private static IDictionary<string, string> CopyHeaders(HttpRequestMessage request)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var all = request.Content == null ? request.Headers : request.Headers.Concat(request.Content.Headers);
            foreach (var header in all) headers[header.Key] = string.Join(", ", header.Value);
            return headers;
        }

        private static HttpResponseMessage ToMessage(HttpRequestMessage request, SandboxResponse response)
        {
            var content = new ByteArrayContent(response.Body ?? Array.Empty<byte>());
            if (!string.IsNullOrEmpty(response.ContentType)) content.Headers.ContentType = MediaTypeHeaderValue.Parse(response.ContentType);
            var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode) { Content = content, RequestMessage = request };
            foreach (var header in response.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return message;
        }
    }
}
