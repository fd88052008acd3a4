using System;

namespace CrmPS.Sandbox
{
    /// <summary>A client sales inquiry the sandbox accepted.</summary>
    public sealed class SandboxInquiry
    {
        public string FirstName { get; internal set; } = "";

        public string LastName { get; internal set; } = "";

        public string City { get; internal set; } = "";

        public string State { get; internal set; } = "";

        public string Country { get; internal set; } = "";

        public string Email { get; internal set; } = "";

        public string PrimaryPhone { get; internal set; } = "";

        public string Message { get; internal set; } = "";

        public bool SaveAsProspect { get; internal set; }

        public SandboxRecipientKind RecipientKind { get; internal set; } = SandboxRecipientKind.Admin;

        /// <summary>"admin", the staff username, or the decoded e-mail address.</summary>
        public string Recipient { get; internal set; } = "admin";

        /// <summary>The code the API answered with (0, 1 or 3).</summary>
        public int Code { get; internal set; }

        public DateTimeOffset ReceivedAt { get; internal set; }
    }
}
