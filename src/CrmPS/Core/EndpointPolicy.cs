using System;
using System.Net;

namespace CrmPS.Core
{
    /// <summary>Decides which base addresses may receive an API key.</summary>
    internal static class EndpointPolicy
    {
        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress address) && IPAddress.IsLoopback(address);
        }

        /// <summary>The address with any user name and password removed, for messages and error targets; null stays null.</summary>
        public static Uri WithoutUserInfo(Uri uri)
        {
            if (uri == null || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo))
            {
                return uri;
            }

            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        /// <summary>Returns the base URI with a trailing slash so relative endpoints resolve under its path prefix.</summary>
        public static Uri NormalizeBaseUri(Uri baseUri, string service)
        {
            if (baseUri == null || !baseUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"The {service} base URI must be an absolute http or https address.");
            }

            if (!string.IsNullOrEmpty(baseUri.UserInfo))
            {
                throw new ArgumentException(
                    $"The {service} base URI must not carry a user name or password ({WithoutUserInfo(baseUri)} was given with one, not shown): the API key is the only credential, and an address is shown in output and errors.");
            }

            if (baseUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUri))
            {
                throw new ArgumentException(
                    $"Refusing to send the {service} API key in clear text to {baseUri.GetLeftPart(UriPartial.Authority)}: use https, or http only to a loopback address (127.0.0.1, ::1, localhost).");
            }

            if (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"The {service} base URI must use https (got '{baseUri.Scheme}').");
            }

            if (!string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
            {
                throw new ArgumentException($"The {service} base URI must not carry a query or fragment.");
            }

            string text = baseUri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }
    }
}
