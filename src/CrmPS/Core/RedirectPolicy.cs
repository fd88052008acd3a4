using System;
using System.Net.Http;

namespace CrmPS.Core
{
    internal enum RedirectVerdict
    {
        /// <summary>Not a redirect CrmPS follows (another status, or no Location): the answer is returned as it is.</summary>
        NotARedirect,

        /// <summary>Same origin as the connection's base address: sent again there, with the key.</summary>
        Follow,

        /// <summary>Another scheme, host or port than the connection's base address: not followed, the key not sent.</summary>
        OtherOrigin,

        /// <summary>From https to plain http: never followed.</summary>
        Downgrade,

        /// <summary>A write answered 301, 302 or 303: not followed (a browser would turn it into a GET).</summary>
        WriteNotFollowed,

        /// <summary>More than <see cref="RedirectPolicy.MaxRedirects"/> redirects in a row.</summary>
        TooManyRedirects,
    }

    /// <summary>
    /// Decides, hop by hop, whether the choke point follows a redirect. The key belongs to one origin
    /// (scheme, host and port of the connection's base address): a redirect anywhere else is refused
    /// before a request is built for it, so the key is never sent there. Reads follow
    /// 301/302/303/307/308 within that origin; writes follow only 307/308 (the server asks for the same
    /// request again, so it did not process it) and are never sent anywhere else.
    /// </summary>
    internal static class RedirectPolicy
    {
        /// <summary>An API answers a moved endpoint with one redirect, perhaps two; more is a loop or a misconfiguration.</summary>
        public const int MaxRedirects = 5;

        public static bool IsRedirect(int status) =>
            status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        /// <summary>307 and 308 ask for the same request, body and method unchanged, at another address.</summary>
        public static bool RepeatsRequest(int status) => status == 307 || status == 308;

        public static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

        /// <param name="baseUri">The connection's base address: the only origin that may receive the key.</param>
        /// <param name="current">The address that answered with <paramref name="status"/>.</param>
        /// <param name="location">The Location header as sent (absolute or relative); null when absent or unreadable.</param>
        /// <param name="redirectsSoFar">How many redirects were already followed for this request.</param>
        public static RedirectDecision Decide(Uri baseUri, HttpMethod method, int status, Uri current, Uri location, int redirectsSoFar)
        {
            if (!IsRedirect(status) || location == null)
            {
                return new RedirectDecision(RedirectVerdict.NotARedirect, null);
            }

            Uri target = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
            {
                return new RedirectDecision(RedirectVerdict.Downgrade, target);
            }

            if (!SameOrigin(baseUri, target))
            {
                return new RedirectDecision(RedirectVerdict.OtherOrigin, target);
            }

            if (!IsRead(method) && !RepeatsRequest(status))
            {
                return new RedirectDecision(RedirectVerdict.WriteNotFollowed, target);
            }

            if (redirectsSoFar >= MaxRedirects)
            {
                return new RedirectDecision(RedirectVerdict.TooManyRedirects, target);
            }

            return new RedirectDecision(RedirectVerdict.Follow, target);
        }

        /// <summary>Same scheme, host and port (an omitted port is the scheme's default); host names are not resolved.</summary>
        public static bool SameOrigin(Uri a, Uri b) =>
            a.IsAbsoluteUri && b.IsAbsoluteUri
            && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

        /// <summary>scheme://host[:port], without user information or path.</summary>
        public static string Origin(Uri uri) => uri.IsAbsoluteUri ? uri.Scheme + "://" + uri.Authority : uri.OriginalString;

        /// <summary>
        /// Whether a request answered with a redirect that was not followed may nevertheless have been
        /// processed: a write answered 301/302/303 may have been (the post-redirect-get pattern answers a
        /// stored form with 302 or 303); 307/308 ask for the request again, so it was not.
        /// </summary>
        public static bool MayHaveBeenProcessed(HttpMethod method, int status) => !IsRead(method) && !RepeatsRequest(status);
    }

    internal struct RedirectDecision
    {
        public RedirectDecision(RedirectVerdict verdict, Uri target)
        {
            Verdict = verdict;
            Target = target;
        }

        public RedirectVerdict Verdict { get; }

        /// <summary>The absolute address the server redirected to; null for <see cref="RedirectVerdict.NotARedirect"/>.</summary>
        public Uri Target { get; }
    }
}
