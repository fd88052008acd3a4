using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>A customer stored by the Customer Database App emulator.</summary>
    public sealed class CdbSandboxCustomer
    {
        public int Id { get; internal set; }

        public string Forename { get; internal set; }

        public string Surname { get; internal set; }

        public IReadOnlyList<string> Emails { get; internal set; }

        public IReadOnlyList<string> Phones { get; internal set; }

        /// <summary>Custom-field id to value, as sent in keys[i] and values[i].</summary>
        public IReadOnlyDictionary<string, string> CustomFields { get; internal set; }
    }
}
