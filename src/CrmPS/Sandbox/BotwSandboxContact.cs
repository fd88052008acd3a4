using System;

namespace CrmPS.Sandbox
{
    /// <summary>A contact stored by the BOTW CRM emulator.</summary>
    public sealed class BotwSandboxContact
    {
        public int Id { get; internal set; }

        public string UniqueId { get; internal set; }

        public int ListingId { get; internal set; }

        public string FirstName { get; internal set; }

        public string LastName { get; internal set; }

        public string Email { get; internal set; }

        public string Phone { get; internal set; }

        public DateTime Created { get; internal set; }

        public string IpAddress { get; internal set; }

        public string Source { get; internal set; }

        public string Status { get; internal set; }

        internal BotwSandboxContact Clone() => (BotwSandboxContact)MemberwiseClone();
    }
}
