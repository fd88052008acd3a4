using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmPS.Core;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// Wraps an emulator and makes chosen requests misbehave the way real networks and servers do:
    /// refusals, timeouts, resets before or after the write is committed, HTML and truncated bodies,
    /// and writes committed late (after the client gave up).
    /// </summary>
    /// <remarks>
    /// A late commit lands when the service's clock has reached its time: on the first request
    /// handled from then on (before that request is answered), or on <see cref="LandLateCommits"/>.
    /// On a virtual clock that makes "the write lands between the client's second and third look"
    /// exact, with no real waiting beyond the client's own timeout.
    /// </remarks>
    public sealed class FaultInjectingService : ISandboxService
    {
        private readonly ISandboxService _inner;
        private readonly IClock _clock;
        private readonly List<SandboxFault> _faults = new List<SandboxFault>();
        private readonly List<(DateTimeOffset Due, SandboxRequest Request)> _held = new List<(DateTimeOffset, SandboxRequest)>();

        public FaultInjectingService(ISandboxService inner, IClock clock = null)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _clock = clock ?? SystemClock.Instance;
        }

        /// <summary>How many requests were given a fault.</summary>
        public int FaultsApplied { get; private set; }

        /// <summary>Raised (on the server's thread) each time a fault is applied, before the reply.</summary>
        public event EventHandler<SandboxFault> FaultApplying;

        public FaultInjectingService Add(SandboxFault fault)
        {
            lock (_faults)
            {
                _faults.Add(fault);
            }

            return this;
        }

        /// <summary>Requests held by a LateCommit fault and not processed yet.</summary>
        public int LateCommitsPending
        {
            get { lock (_held) return _held.Count; }
        }

        /// <summary>Processes every held request now, as a server that finally gets to them (e.g. after the client is done).</summary>
        public void LandLateCommits() => Land(DateTimeOffset.MaxValue);

        public SandboxResponse Handle(SandboxRequest request)
        {
            Land(_clock.UtcNow);
            SandboxFault fault = Take(request);
            if (fault == null)
            {
                return _inner.Handle(request);
            }

            FaultApplying?.Invoke(this, fault);
            switch (fault.Kind)
            {
                case SandboxFaultKind.Status:
                    return StatusReply(fault);
                case SandboxFaultKind.ResetBeforeProcessing:
                    return new SandboxResponse { AbortConnection = true };
                case SandboxFaultKind.LateCommit:
                    lock (_held)
                    {
                        _held.Add((_clock.UtcNow + fault.CommitAfter, request));
                    }

                    return new SandboxResponse { Delay = fault.Delay, AbortConnection = true };
            }

            SandboxResponse real = _inner.Handle(request);
            switch (fault.Kind)
            {
                case SandboxFaultKind.StatusAfterCommit:
                    return StatusReply(fault);
                case SandboxFaultKind.DelayAfterCommit:
                    real.Delay = fault.Delay;
                    return real;
                case SandboxFaultKind.ResetAfterCommit:
                    return new SandboxResponse { AbortConnection = true };
                case SandboxFaultKind.HtmlBody:
                    return Html(200, "<html><head><title>Maintenance</title></head><body><h1>We'll be right back</h1><p>Scheduled maintenance.</p></body></html>");
                case SandboxFaultKind.TruncatedBody:
                    real.Body = real.Body.Take(Math.Max(1, real.Body.Length / 2)).ToArray();
                    return real;
                default:
                    return new SandboxResponse { StatusCode = 200, ContentType = SandboxResponse.JsonContentType, Body = HugeJson(fault.BodySize) };
            }
        }

        private void Land(DateTimeOffset now)
        {
            List<SandboxRequest> due;
            lock (_held)
            {
                due = _held.Where(h => h.Due <= now).OrderBy(h => h.Due).Select(h => h.Request).ToList();
                _held.RemoveAll(h => h.Due <= now);
            }

            foreach (SandboxRequest request in due)
            {
                _inner.Handle(request);
            }
        }

        private SandboxFault Take(SandboxRequest request)
        {
            lock (_faults)
            {
                SandboxFault fault = _faults.FirstOrDefault(f => f.Times > 0
                    && (f.Method == null || string.Equals(f.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                    && (f.PathContains == null || (request.Path ?? string.Empty).IndexOf(f.PathContains, StringComparison.Ordinal) >= 0));
                if (fault != null)
                {
                    fault.Times--;
                    FaultsApplied++;
                }

                return fault;
            }
        }

        private SandboxResponse StatusReply(SandboxFault fault)
        {
            SandboxResponse response = fault.StatusCode >= 500
                ? Html(fault.StatusCode, $"<html><body><h1>{fault.StatusCode} Server Error</h1><p>The upstream server did not respond.</p></body></html>")
                : SandboxResponse.Json(fault.StatusCode, "{\"status\":\"failure\",\"response\":\"Too many requests; try again later.\"}");
            if (fault.RetryAfter.HasValue)
            {
                response.Headers["Retry-After"] = fault.RetryAfterAsDate
                    ? (_clock.UtcNow + fault.RetryAfter.Value).ToString("r", CultureInfo.InvariantCulture)
                    : ((int)Math.Ceiling(fault.RetryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return response;
        }

        private static SandboxResponse Html(int status, string html) =>
            new SandboxResponse { StatusCode = status, ContentType = "text/html; charset=utf-8", Body = Encoding.UTF8.GetBytes(html) };

        private static byte[] HugeJson(int size)
        {
            var body = new byte[size];
            byte[] start = Encoding.ASCII.GetBytes("{\"status\":\"success\",\"response\":\"");
            Array.Copy(start, body, start.Length);
            for (int i = start.Length; i < size - 2; i++)
            {
                body[i] = (byte)'x';
            }

            body[size - 2] = (byte)'"';
            body[size - 1] = (byte)'}';
            return body;
        }
    }
}
