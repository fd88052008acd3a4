using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Core
{
    /// <summary>
    /// The one choke point every request of every service passes: builds the URL under the base
    /// address, authenticates, sends, times, retries what is safe to retry, logs (without
    /// secrets) and turns transport failures into CrmApiException.
    /// </summary>
    internal sealed class ApiTransport
    {
        private const int DebugBodyPreview = 500;
        private readonly CrmConnection _connection;
        private readonly RedirectFollower _redirects;

        public ApiTransport(CrmConnection connection)
        {
            _connection = connection;
            _redirects = new RedirectFollower(connection);
        }

        private string Service => _connection.Service;

        public async Task<ApiResponse> SendAsync(ApiRequest request, MessageQueue log, CancellationToken cancellationToken)
        {
            Uri uri = BuildUri(request);
            string shownUrl = Redact(uri);
            for (int retry = 0; ; retry++)
            {
                bool retriesLeft = retry < _connection.Retry.MaxRetry;
                ApiResponse response;
                try
                {
                    response = await SendOnceAsync(request, uri, shownUrl, log, cancellationToken).ConfigureAwait(false);
                }
                catch (CrmApiException failure) when (retriesLeft && (request.IsIdempotent || !failure.MayHaveReachedServer) && IsTransient(failure))
                {
                    await WaitBeforeRetryAsync(request, shownUrl, failure.Message, _connection.Retry.Backoff(retry), retry, log, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                response.Attempts = retry + 1;
                string unreadable = UnreadableBody(request, response);
                if (unreadable != null && retriesLeft)
                {
                    await WaitBeforeRetryAsync(request, shownUrl, unreadable, _connection.Retry.Backoff(retry), retry, log, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!retriesLeft || !RetryPolicy.IsTransientStatus(response.StatusCode) || !MayResend(request, response))
                {
                    return response;
                }

                TimeSpan wait = response.RetryAfter ?? _connection.Retry.Backoff(retry);
                if (wait > RetryPolicy.MaxRetryAfter)
                {
                    return response;
                }

                await WaitBeforeRetryAsync(request, shownUrl, $"{Service} answered {response.StatusCode} {response.ReasonPhrase}", wait, retry, log, cancellationToken).ConfigureAwait(false);
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

        /// <summary>A 5xx or 429 to an idempotent request may be resent; a POST only on 429 with Retry-After (refused before processing).</summary>
        private static bool MayResend(ApiRequest request, ApiResponse response)
        {
            if (response.StatusCode == 429)
            {
                return request.RetryWhenRateLimited && (request.IsIdempotent || response.RetryAfter.HasValue);
            }

            return request.IsIdempotent;
        }

        /// <summary>
        /// Why a success to an idempotent request that expects JSON cannot be read (a proxy's HTML
        /// page, a body cut short), so it is retried like a 503; null when the body is JSON.
        /// </summary>
        private string UnreadableBody(ApiRequest request, ApiResponse response)
        {
            if (!request.ExpectsJson || !request.IsIdempotent || !response.IsSuccess || JsonFields.TryParse(response.Body, out _))
            {
                return null;
            }

            string what = response.Body.TrimStart().StartsWith("<", StringComparison.Ordinal) ? "an HTML page" : "a body that is not valid JSON (truncated or malformed)";
            return $"{Service} answered {response.StatusCode} with {what}";
        }

        private static bool IsTransient(CrmApiException failure) =>
            failure.Category == ErrorCategory.OperationTimeout || failure.Category == ErrorCategory.ConnectionError;

        private async Task WaitBeforeRetryAsync(ApiRequest request, string shownUrl, string reason, TimeSpan wait, int retry, MessageQueue log, CancellationToken cancellationToken)
        {
            log?.Verbose($"{request.Method} {shownUrl} failed ({reason}); retry {retry + 1} of {_connection.Retry.MaxRetry} in {wait.TotalSeconds:0.0} s.");
            await _connection.Clock.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, Uri uri, string shownUrl, MessageQueue log, CancellationToken cancellationToken)
        {
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(_connection.RequestTimeout);
                var trail = new RedirectTrail(shownUrl);
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    using (SentRequest sent = await _redirects.SendAsync(request, uri, target => NewAuthenticatedMessage(request, target), trail, log, stopwatch, attempt.Token).ConfigureAwait(false))
                    {
                        HttpResponseMessage response = sent.Response;
                        shownUrl = trail.ToString();
                        string body = await ReadBodyAsync(response, request, shownUrl, attempt.Token).ConfigureAwait(false);
                        int status = (int)response.StatusCode;
                        log?.Verbose($"{request.Method} {shownUrl} -> {status} in {stopwatch.ElapsedMilliseconds} ms");
                        if (log != null && body.Length > 0)
                        {
                            log.Debug($"{Service} response body ({body.Length} characters): "
                                + (body.Length > DebugBodyPreview ? body.Substring(0, DebugBodyPreview) + "..." : body));
                        }

                        return new ApiResponse(request.Method.Method, shownUrl, status, response.ReasonPhrase, response.Content?.Headers.ContentType?.ToString(), body, RetryAfter(response));
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    log?.Verbose($"{request.Method} {trail} -> timed out after {stopwatch.ElapsedMilliseconds} ms");
                    throw new CrmApiException(
                        Service,
                        Service + "Timeout",
                        ErrorCategory.OperationTimeout,
                        $"{Service} did not answer {request.Method} {trail} within {_connection.RequestTimeout.TotalSeconds:0.###} s (raise -TimeoutSec on Connect-{Service} if the server is slow).",
                        mayHaveReachedServer: true)
                    {
                        Method = request.Method.Method,
                    };
                }
                catch (HttpRequestException ex)
                {
                    bool notSent = FailedBeforeSending(ex);
                    log?.Verbose($"{request.Method} {trail} -> failed after {stopwatch.ElapsedMilliseconds} ms: {Describe(ex)}");
                    throw new CrmApiException(
                        Service,
                        Service + "ConnectionFailed",
                        ErrorCategory.ConnectionError,
                        $"Could not reach {Service} for {request.Method} {trail}: {Describe(ex)}",
                        inner: ex,
                        mayHaveReachedServer: !notSent)
                    {
                        Method = request.Method.Method,
                    };
                }
            }
        }

        /// <summary>The request for one address (the first, or a redirect the follower allowed): a fresh body, and the key.</summary>
        private HttpRequestMessage NewAuthenticatedMessage(ApiRequest request, Uri uri)
        {
            var message = new HttpRequestMessage(request.Method, uri);
            try
            {
                message.Content = request.ContentFactory?.Invoke();
                _connection.Authenticate(message);
                RefuseHeaderInjection(message);
                return message;
            }
            catch
            {
                message.Dispose();
                throw;
            }
        }

        private async Task<string> ReadBodyAsync(HttpResponseMessage response, ApiRequest request, string shownUrl, CancellationToken cancellationToken)
        {
            if (response.Content == null)
            {
                return string.Empty;
            }

            long cap = _connection.MaxResponseBytes;
            long? declared = response.Content.Headers.ContentLength;
            if (declared > cap)
            {
                throw TooLarge(request, shownUrl, (int)response.StatusCode, declared.Value);
            }

            using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > cap)
                    {
                        throw TooLarge(request, shownUrl, (int)response.StatusCode, buffer.Length);
                    }
                }

                return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }

        private CrmApiException TooLarge(ApiRequest request, string shownUrl, int status, long bytes) =>
            new CrmApiException(
                Service,
                Service + "ResponseTooLarge",
                ErrorCategory.InvalidResult,
                $"{Service} answered {request.Method} {shownUrl} with {status} and a body of more than {_connection.MaxResponseBytes / (1024 * 1024)} MB ({bytes} bytes read); CrmPS refuses responses that large.",
                status,
                mayHaveReachedServer: true)
            {
                Method = request.Method.Method,
            };

        /// <summary>True when the connection was never made (refused, name not resolved), so the request cannot have been processed.</summary>
        private static bool FailedBeforeSending(Exception ex)
        {
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }

                if (e is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure || web.Status == WebExceptionStatus.ProxyNameResolutionFailure))
                {
                    return true;
                }
            }

            return false;
        }

        internal static string Redact(Uri uri)
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
