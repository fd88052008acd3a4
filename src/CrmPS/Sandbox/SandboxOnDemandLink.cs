namespace CrmPS.Sandbox
{
    /// <summary>An on-demand link the sandbox handed out.</summary>
    public sealed class SandboxOnDemandLink
    {
        internal SandboxOnDemandLink(string studentIdentifier, int primaryAgentId, int secondaryAgentId, string url)
        {
            StudentIdentifier = studentIdentifier;
            PrimaryAgentId = primaryAgentId;
            SecondaryAgentId = secondaryAgentId;
            Url = url;
        }

        /// <summary>The student segment, URL-unescaped once.</summary>
        public string StudentIdentifier { get; }

        public int PrimaryAgentId { get; }

        public int SecondaryAgentId { get; }

        public string Url { get; }
    }
}
