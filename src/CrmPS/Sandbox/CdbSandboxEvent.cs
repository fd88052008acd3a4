using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>A customer event stored by the Customer Database App emulator; dates as the server read them.</summary>
    public sealed class CdbSandboxEvent
    {
        public int Id { get; internal set; }

        public int CustomerId { get; internal set; }

        public string Name { get; internal set; }

        public DateTime Start { get; internal set; }

        public DateTime End { get; internal set; }

        public string Location { get; internal set; }

        public string Description { get; internal set; }

        public IReadOnlyList<int> Attendees { get; internal set; }

        public IReadOnlyList<int> AttendeeUsers { get; internal set; }
    }
}
