using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Core
{
    /// <summary>
    /// The one choke point every request of every service passes: builds the URL under the base
    /// address, authenticates, sends, times, logs (without secrets) and turns transport failures
    /// into CrmApiException.
    /// </summary>
    internal sealed class ApiTransport
    {
        private const int DebugBodyPreview = 500;
        private readonly CrmConnection _connection;

        public ApiTransport(CrmConnection connection)
        {
            _connection = connection;
        }

        public async Task<ApiResponse> SendAsync(ApiRequest request, MessageQueue log, CancellationToken cancellationToken)
        {
            Uri uri = BuildUri(request);
            string shownUrl = Redact(uri);
            using (var message = new HttpRequestMessage(request.Method, uri))
            {
                message.Content = request.ContentFactory?.Invoke();
                _connection.Authenticate(message);
                RefuseHeaderInjection(message);

                var stopwatch = Stopwatch.StartNew();
                HttpResponseMessage response;
                try
                {
                    response = await _connection.HttpClient.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    log?.Verbose($"{request.Method} {shownUrl} -> timed out after {stopwatch.ElapsedMilliseconds} ms");
                    throw new CrmApiException(
                        _connection.Service,
                        _connection.Service + "Timeout",
                        System.Management.Automation.ErrorCategory.OperationTimeout,
                        $"{_connection.Service} did not answer {request.Method} {shownUrl} within {_connection.TimeoutSec} s (raise -TimeoutSec on Connect-{_connection.Service} if the server is slow).");
                }
                catch (HttpRequestException ex)
                {
                    log?.Verbose($"{request.Method} {shownUrl} -> failed after {stopwatch.ElapsedMilliseconds} ms: {Describe(ex)}");
                    throw new CrmApiException(
                        _connection.Service,
                        _connection.Service + "ConnectionFailed",
                        System.Management.Automation.ErrorCategory.ConnectionError,
                        $"Could not reach {_connection.Service} for {request.Method} {shownUrl}: {Describe(ex)}",
                        inner: ex);
                }

                using (response)
                {
                    string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    stopwatch.Stop();
                    int status = (int)response.StatusCode;
                    log?.Verbose($"{request.Method} {shownUrl} -> {status} in {stopwatch.ElapsedMilliseconds} ms");
                    if (log != null && body.Length > 0)
                    {
                        log.Debug($"{_connection.Service} response body ({body.Length} characters): "
                            + (body.Length > DebugBodyPreview ? body.Substring(0, DebugBodyPreview) + "..." : body));
                    }

                    return new ApiResponse(
                        request.Method.Method,
                        shownUrl,
                        status,
                        response.ReasonPhrase,
                        response.Content?.Headers.ContentType?.ToString(),
                        body,
                        RetryAfter(response));
                }
            }
        }

        internal Uri BuildUri(ApiRequest request)
        {
            var builder = new StringBuilder(_connection.BaseUri.AbsoluteUri);
            builder.Append(request.RelativePath);
            char separator = '?';
            foreach (var pair in request.Query)
            {
                builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value ?? string.Empty));
                separator = '&';
            }

            return new Uri(builder.ToString());
        }

        private static string Redact(Uri uri)
        {
            if (string.IsNullOrEmpty(uri.Query))
            {
                return uri.AbsoluteUri;
            }

            var pairs = uri.Query.TrimStart('?').Split('&').Select(pair =>
            {
                int eq = pair.IndexOf('=');
                string name = eq < 0 ? pair : pair.Substring(0, eq);
                bool secret = name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0;
                return secret ? name + "=****" : pair;
            });
            return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join("&", pairs);
        }

        private static void RefuseHeaderInjection(HttpRequestMessage message)
        {
            var headers = message.Headers.AsEnumerable();
            if (message.Content != null)
            {
                headers = headers.Concat(message.Content.Headers);
            }

            foreach (var header in headers)
            {
                if (header.Value.Any(v => v.IndexOf('\r') >= 0 || v.IndexOf('\n') >= 0))
                {
                    throw new ArgumentException($"The {header.Key} header value contains a line break; refusing to send it.");
                }
            }
        }

        private TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                TimeSpan wait = header.Date.Value - _connection.Clock.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        private static string Describe(Exception ex)
        {
            var parts = new System.Collections.Generic.List<string>();
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                parts.Add(e.Message);
            }

            return string.Join(" ", parts.Distinct());
        }
    }
}
