using System;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// A student's encrypted on-demand link (CrmPS.Bizstim.OnDemandLink). It is a <see cref="Uri"/>,
    /// so it goes wherever a [uri] goes, and it carries the ids it was asked for, so a list of links
    /// made from a CSV file still says which student each one belongs to.
    /// </summary>
    public sealed class OnDemandLink : Uri
    {
        internal OnDemandLink(Uri link, string studentId, int primaryAgentId, int secondaryAgentId)
            : base(link.OriginalString, UriKind.Absolute)
        {
            StudentId = studentId;
            PrimaryAgentId = primaryAgentId;
            SecondaryAgentId = secondaryAgentId;
        }

        public string StudentId { get; }

        public int PrimaryAgentId { get; }

        public int SecondaryAgentId { get; }
    }
}
