using System;
using System.Collections.Generic;
using System.Linq;
using CrmPS.Core;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// What every emulator does with a request before its own routing: record it (for tests to
    /// assert on what the server received), check the key where the service expects it, and keep
    /// the store consistent under concurrent requests with one lock.
    /// </summary>
    public abstract class RecordingSandbox : ISandboxService
    {
        private readonly List<SandboxRecordedRequest> _requests = new List<SandboxRecordedRequest>();

        protected RecordingSandbox(IClock clock, string apiKey)
        {
            Clock = clock ?? SystemClock.Instance;
            ExpectedKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        }

        /// <summary>Every request received, in order, with the status it was answered with.</summary>
        public IReadOnlyList<SandboxRecordedRequest> Requests => Snapshot(_requests, r => r);

        internal object Gate { get; } = new object();

        internal IClock Clock { get; }

        /// <summary>The key the emulator accepts; null accepts any non-empty key.</summary>
        internal string ExpectedKey { get; }

        public void ClearRequests()
        {
            lock (Gate)
            {
                _requests.Clear();
            }
        }

        public SandboxResponse Handle(SandboxRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            lock (Gate)
            {
                var headers = new Dictionary<string, string>(request.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
                var record = new SandboxRecordedRequest(request, headers, Clock.UtcNow);
                _requests.Add(record);
                string key = PresentedKey(headers);
                bool authorized = !string.IsNullOrEmpty(key) && (ExpectedKey == null || string.Equals(key, ExpectedKey, StringComparison.Ordinal));
                SandboxResponse response = authorized ? Route(request, record) : Unauthorized();
                record.StatusCode = response.StatusCode;
                return response;
            }
        }

        /// <summary>The key as the client sent it in this service's header; null when absent.</summary>
        internal abstract string PresentedKey(IDictionary<string, string> headers);

        internal abstract SandboxResponse Unauthorized();

        /// <summary>Answers an authorized request; called under <see cref="Gate"/>.</summary>
        internal abstract SandboxResponse Route(SandboxRequest request, SandboxRecordedRequest record);

        internal IReadOnlyList<T> Snapshot<T>(IEnumerable<T> items, Func<T, T> copy)
        {
            lock (Gate)
            {
                return items.Select(copy).ToList().AsReadOnly();
            }
        }
    }
}
