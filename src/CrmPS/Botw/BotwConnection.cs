using System;
using System.Globalization;
using System.Net.Http;
using System.Security;
using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>A connection to one BOTW CRM account (Bearer key), with an optional default listing (campaign).</summary>
    public sealed class BotwConnection : CrmConnection
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.botw.org/");
        internal const string ServiceName = "Botw";
        internal const string DisplayName = "BOTW CRM";

        internal static readonly ServiceProfile<BotwConnection> Profile = new ServiceProfile<BotwConnection>(
            ServiceName,
            DisplayName,
            "BOTW_API_KEY",
            "Keys are issued with your BOTW listing (https://help.botw.org/).",
            key => new BotwConnection(DefaultBaseUri, key, null, new ConnectionOptions()));

        internal BotwConnection(Uri baseUri, SecureString apiKey, int? listingId, ConnectionOptions options, HttpMessageHandler sandboxHandler = null)
            : base(ServiceName, baseUri, apiKey, options, sandboxHandler)
        {
            ListingId = listingId;
        }

        /// <summary>The listing the BOTW cmdlets use when they are not given -ListingId; null when Connect-Botw had none.</summary>
        public int? ListingId { get; }

        internal BotwApi Api => new BotwApi(this);

        internal override string Describe() =>
            $"{BaseUri} ({(ListingId.HasValue ? "listing " + ListingId.Value.ToString(CultureInfo.InvariantCulture) : "no default listing")})";

        internal override void Authenticate(HttpRequestMessage message)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + PlainApiKey);
        }
    }
}
