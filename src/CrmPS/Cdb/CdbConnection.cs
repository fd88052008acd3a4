using System;
using System.Net.Http;
using System.Security;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>A connection to one Customer Database App account (key in the Apikey header).</summary>
    public sealed class CdbConnection : CrmConnection
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://account.customerdatabase.app/");
        internal const string ServiceName = "Cdb";
        internal const string DisplayName = "Customer Database App";

        internal static readonly ServiceProfile<CdbConnection> Profile = new ServiceProfile<CdbConnection>(
            ServiceName,
            DisplayName,
            "CDB_API_KEY",
            "Keys are made in the Customer Database App account settings.",
            key => new CdbConnection(DefaultBaseUri, key, new ConnectionOptions()));

        internal CdbConnection(Uri baseUri, SecureString apiKey, ConnectionOptions options, HttpMessageHandler sandboxHandler = null)
            : base(ServiceName, baseUri, apiKey, options, sandboxHandler)
        {
        }

        internal CdbApi Api => new CdbApi(this);

        internal override void Authenticate(HttpRequestMessage message)
        {
            message.Headers.TryAddWithoutValidation("Apikey", PlainApiKey);
        }
    }
}
