using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Core
{
    /// <summary>
    /// Sends one attempt of a request and follows its redirects itself (the connection's handler has
    /// automatic redirects off), as <see cref="RedirectPolicy"/> allows: each hop's request, with the
    /// key, is built only after its address was found to be the connection's own origin.
    /// </summary>
    internal sealed class RedirectFollower
    {
        private readonly CrmConnection _connection;

        public RedirectFollower(CrmConnection connection)
        {
            _connection = connection;
        }

        private string Service => _connection.Service;

        /// <param name="newAuthenticatedMessage">Builds the request (fresh body, key added) for one address.</param>
        /// <param name="trail">Collects the hops for Verbose and error messages.</param>
        /// <returns>The first answer that is not a followed redirect, with the request that got it (dispose both).</returns>
        public async Task<SentRequest> SendAsync(ApiRequest request, Uri uri, Func<Uri, HttpRequestMessage> newAuthenticatedMessage, RedirectTrail trail, MessageQueue log, Stopwatch stopwatch, CancellationToken cancellationToken)
        {
            if (!RedirectPolicy.SameOrigin(_connection.BaseUri, uri))
            {
                throw new InvalidOperationException($"Refusing to send the {Service} API key to {RedirectPolicy.Origin(uri)}, which is not the connection's origin.");
            }

            Uri current = uri;
            for (int redirects = 0; ; redirects++)
            {
                HttpRequestMessage message = newAuthenticatedMessage(current);
                HttpResponseMessage response;
                try
                {
                    response = await _connection.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    message.Dispose();
                    throw;
                }

                int status = (int)response.StatusCode;
                RedirectDecision decision = RedirectPolicy.Decide(_connection.BaseUri, request.Method, status, current, response.Headers.Location, redirects);
                if (decision.Verdict == RedirectVerdict.NotARedirect)
                {
                    return new SentRequest(message, response);
                }

                string reason = response.ReasonPhrase;
                response.Dispose();
                message.Dispose();
                string from = trail.LastUrl;
                trail.Add(status, ShownUrl(decision.Target));
                if (decision.Verdict == RedirectVerdict.Follow)
                {
                    current = decision.Target;
                    continue;
                }

                CrmApiException refusal = Refusal(request, decision, status, reason, from, trail);
                log?.Verbose($"{request.Method} {trail} -> not followed ({Short(decision.Verdict)}) after {stopwatch.ElapsedMilliseconds} ms");
                throw refusal;
            }
        }

        /// <summary>An address as it may be shown: no user information, secret query values and the key itself masked.</summary>
        internal string ShownUrl(Uri uri)
        {
            string shown = uri.IsAbsoluteUri && uri.UserInfo.Length > 0
                ? ApiTransport.Redact(new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri)
                : (uri.IsAbsoluteUri ? ApiTransport.Redact(uri) : uri.OriginalString);
            string key = _connection.PlainApiKey;
            if (key.Length > 0)
            {
                shown = shown.Replace(key, "****").Replace(Uri.EscapeDataString(key), "****");
            }

            return shown;
        }

        private CrmApiException Refusal(ApiRequest request, RedirectDecision decision, int status, string reason, string from, RedirectTrail trail)
        {
            string to = trail.LastUrl;
            string answered = $"{Service} answered {request.Method} {from} with {status} {reason}, redirecting to {to}";
            string baseOrigin = RedirectPolicy.Origin(_connection.BaseUri);
            bool mayHaveBeenProcessed = RedirectPolicy.MayHaveBeenProcessed(request.Method, status);
            switch (decision.Verdict)
            {
                case RedirectVerdict.Downgrade:
                    return Failure("RedirectRefused", ErrorCategory.SecurityError, status, mayHaveBeenProcessed,
                        $"{answered}: from https to plain http. CrmPS never follows a redirect from https to http; the API key was not sent there, and nothing was sent to {RedirectPolicy.Origin(decision.Target)}.",
                        request);
                case RedirectVerdict.OtherOrigin:
                    return Failure("RedirectRefused", ErrorCategory.SecurityError, status, mayHaveBeenProcessed,
                        $"{answered}: another origin ({RedirectPolicy.Origin(decision.Target)}) than the connection's ({baseOrigin}). CrmPS did not follow the redirect: the API key was not sent there, and nothing was sent to {RedirectPolicy.Origin(decision.Target)}. If that address really is {Service}'s, connect to it with Connect-{Service} -BaseUri.",
                        request);
                case RedirectVerdict.WriteNotFollowed:
                    return Failure("RedirectNotFollowed", ErrorCategory.InvalidResult, status, mayHaveBeenProcessed,
                        $"{answered}. CrmPS follows a redirected {request.Method} only when the server asks for the same request again (307 or 308) at the same origin; it did not follow this one.",
                        request);
                default:
                    return Failure("TooManyRedirects", ErrorCategory.InvalidResult, status, mayHaveBeenProcessed,
                        $"{Service} redirected {request.Method} {trail.FirstUrl} more than {RedirectPolicy.MaxRedirects} times; CrmPS stopped following (the last redirect was to {to}). The API key was sent only to {baseOrigin}.",
                        request);
            }
        }

        private CrmApiException Failure(string id, ErrorCategory category, int status, bool mayHaveReachedServer, string message, ApiRequest request) =>
            new CrmApiException(Service, Service + id, category, message, status, mayHaveReachedServer: mayHaveReachedServer)
            {
                Method = request.Method.Method,
                IsRedirectRefusal = true,
            };

        private static string Short(RedirectVerdict verdict)
        {
            switch (verdict)
            {
                case RedirectVerdict.Downgrade:
                    return "https to http; the key was not sent";
                case RedirectVerdict.OtherOrigin:
                    return "another origin; the key was not sent";
                case RedirectVerdict.WriteNotFollowed:
                    return "a write is followed only on 307 or 308";
                default:
                    return $"more than {RedirectPolicy.MaxRedirects} redirects";
            }
        }
    }

    /// <summary>The hops of one attempt, as shown: "url -> 302 -> url2 -> 307 -> url3".</summary>
    internal sealed class RedirectTrail
    {
        private readonly StringBuilder _text;

        public RedirectTrail(string firstUrl)
        {
            _text = new StringBuilder(firstUrl);
            FirstUrl = firstUrl;
            LastUrl = firstUrl;
        }

        public string FirstUrl { get; }

        public int Redirects { get; private set; }

        public string LastUrl { get; private set; }

        public void Add(int status, string shownUrl)
        {
            _text.Append(" -> ").Append(status).Append(" -> ").Append(shownUrl);
            LastUrl = shownUrl;
            Redirects++;
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>A request and the answer it got; disposing releases both.</summary>
    internal sealed class SentRequest : IDisposable
    {
        public SentRequest(HttpRequestMessage request, HttpResponseMessage response)
        {
            Request = request;
            Response = response;
        }

        public HttpRequestMessage Request { get; }

        public HttpResponseMessage Response { get; }

        public void Dispose()
        {
            Response.Dispose();
            Request.Dispose();
        }
    }
}
