using System;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>Transport settings shared by every service's Connect-* cmdlet.</summary>
    internal sealed class ConnectionOptions
    {
        public const int DefaultTimeoutSec = 100;

        public int TimeoutSec { get; set; } = DefaultTimeoutSec;

        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetry;

        public Uri Proxy { get; set; }

        public PSCredential ProxyCredential { get; set; }
    }
}
