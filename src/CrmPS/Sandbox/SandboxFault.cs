using System;

namespace CrmPS.Sandbox
{
    public enum SandboxFaultKind
    {
        /// <summary>Answer with a status code without processing the request (optionally with Retry-After).</summary>
        Status,

        /// <summary>Process the request (the write is committed), then answer with a status code.</summary>
        StatusAfterCommit,

        /// <summary>Process the request, then answer only after a delay (beyond the client's timeout).</summary>
        DelayAfterCommit,

        /// <summary>Drop the connection without processing the request.</summary>
        ResetBeforeProcessing,

        /// <summary>Process the request (the write is committed), then drop the connection.</summary>
        ResetAfterCommit,

        /// <summary>Process the request, then answer 200 with an HTML page instead of JSON.</summary>
        HtmlBody,

        /// <summary>Process the request, then answer with the first half of the real body.</summary>
        TruncatedBody,

        /// <summary>Process the request, then answer with a body of <see cref="SandboxFault.BodySize"/> bytes.</summary>
        HugeBody,

        /// <summary>
        /// A slow server: hold the request without answering for <see cref="SandboxFault.Delay"/> (beyond the
        /// client's timeout) and process it only <see cref="SandboxFault.CommitAfter"/> after it arrived, by the
        /// service's clock: the write lands after the client gave up.
        /// </summary>
        LateCommit,
    }

    /// <summary>One scripted misbehaviour of the sandbox server, applied to the next matching request(s).</summary>
    public sealed class SandboxFault
    {
        public SandboxFault(SandboxFaultKind kind)
        {
            Kind = kind;
        }

        public SandboxFaultKind Kind { get; }

        /// <summary>Only requests with this method (any when null).</summary>
        public string Method { get; set; }

        /// <summary>Only requests whose path contains this text (any when null).</summary>
        public string PathContains { get; set; }

        /// <summary>How many matching requests get the fault.</summary>
        public int Times { get; set; } = 1;

        public int StatusCode { get; set; } = 503;

        public TimeSpan? RetryAfter { get; set; }

        /// <summary>Send Retry-After as an HTTP date instead of seconds.</summary>
        public bool RetryAfterAsDate { get; set; }

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        public int BodySize { get; set; } = 50 * 1024 * 1024;

        /// <summary>For <see cref="SandboxFaultKind.LateCommit"/>: when the held request is processed, after it arrived.</summary>
        public TimeSpan CommitAfter { get; set; } = TimeSpan.FromSeconds(2);

        public override string ToString() => Kind == SandboxFaultKind.Status || Kind == SandboxFaultKind.StatusAfterCommit
            ? $"{Kind} {StatusCode}{(RetryAfter.HasValue ? " with Retry-After" : string.Empty)}"
            : Kind == SandboxFaultKind.LateCommit ? $"{Kind} after {CommitAfter.TotalSeconds:0.###} s"
            : Kind.ToString();
    }
}
