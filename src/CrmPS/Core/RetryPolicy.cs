using System;

namespace CrmPS.Core
{
    /// <summary>
    /// When and how long the choke point waits before sending a request again: exponential
    /// backoff with jitter, capped, and the server's Retry-After when it gives one.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public const int DefaultMaxRetry = 4;
        private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited out: the call fails and says when to try again.</summary>
        public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

        private readonly Random _random = new Random();

        public RetryPolicy(int maxRetry)
        {
            MaxRetry = maxRetry;
        }

        public int MaxRetry { get; }

        /// <summary>Status codes that say "not now" rather than "no".</summary>
        public static bool IsTransientStatus(int status) => status == 429 || status == 502 || status == 503 || status == 504;

        public TimeSpan Backoff(int retry)
        {
            double exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, retry);
            double capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
            double jitter;
            lock (_random)
            {
                jitter = 0.5 + (_random.NextDouble() * 0.5);
            }

            return TimeSpan.FromMilliseconds(capped * jitter);
        }
    }
}
