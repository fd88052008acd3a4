using System;
using System.Net;
using System.Net.Http;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>
    /// An authenticated session with one CRM account: base address, key, and the one HttpClient
    /// every request of that account goes through.
    /// </summary>
    public abstract class CrmConnection
    {
        private readonly SecureString _apiKey;

        internal CrmConnection(string service, Uri baseUri, SecureString apiKey, ConnectionOptions options, HttpMessageHandler sandboxHandler)
        {
            Service = service;
            BaseUri = EndpointPolicy.NormalizeBaseUri(baseUri, service);
            _apiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));
            if (SecretText.ToPlainText(apiKey).IndexOfAny(new[] { '\r', '\n' }) >= 0)
            {
                throw new ArgumentException($"The {service} API key contains a line break; paste the key alone.");
            }

            options = options ?? new ConnectionOptions();
            TimeoutSec = options.TimeoutSec;
            RequestTimeout = TimeSpan.FromSeconds(options.TimeoutSec);
            Proxy = options.Proxy;
            IsSandbox = sandboxHandler != null;
            Retry = new RetryPolicy(options.MaxRetry);

            // The transport enforces RequestTimeout per attempt, so a timeout can be told apart from Ctrl+C.
            HttpClient = new HttpClient(sandboxHandler ?? CreateHandler(options), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            Transport = new ApiTransport(this);
        }

        /// <summary>Connections kept to one server at most: enough for the largest PageParallelism.</summary>
        internal const int MaxConnectionsPerServer = 16;

        public string Service { get; }

        public Uri BaseUri { get; }

        public bool IsSandbox { get; }

        /// <summary>The key, masked: the real value never leaves the connection except in the request header.</summary>
        public string ApiKey => SecretText.Mask(_apiKey);

        public int TimeoutSec { get; }

        public Uri Proxy { get; }

        /// <summary>How many times an idempotent request is sent again after a transient failure.</summary>
        public int MaxRetry => Retry.MaxRetry;

        internal RetryPolicy Retry { get; }

        internal TimeSpan RequestTimeout { get; set; }

        /// <summary>Responses larger than this are refused rather than read into memory.</summary>
        internal long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

        internal HttpClient HttpClient { get; }

        internal ApiTransport Transport { get; }

        internal IClock Clock { get; set; } = SystemClock.Instance;

        internal string PlainApiKey => SecretText.ToPlainText(_apiKey);

        /// <summary>Puts the key where this service expects it, and nowhere else.</summary>
        internal abstract void Authenticate(HttpRequestMessage message);

        public override string ToString() => $"{Service} {BaseUri} (key {ApiKey})";

        /// <summary>The address and the settings that matter, for Verbose messages (never the key).</summary>
        internal virtual string Describe() => BaseUri.ToString();

        private static HttpMessageHandler CreateHandler(ConnectionOptions options)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

                // The handler would carry custom key headers (x-api-key, Apikey) to any address a server
                // names; the choke point follows redirects itself, only within the base address's origin.
                AllowAutoRedirect = false,
            };
            try
            {
                // Listings fetch up to 16 pages at once (Connect-Bizstim -PageParallelism); .NET Framework
                // (Windows PowerShell 5.1) would otherwise allow only 2 connections per server.
                handler.MaxConnectionsPerServer = MaxConnectionsPerServer;
            }
            catch (PlatformNotSupportedException)
            {
            }

            if (options.Proxy != null)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(options.Proxy)
                {
                    Credentials = options.ProxyCredential?.GetNetworkCredential(),
                };
            }

            return handler;
        }
    }
}
