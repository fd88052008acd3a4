using System.Collections.Specialized;

namespace CrmPS.Cdb
{
    /// <summary>
    /// A customer created in Customer Database App (CrmPS.Cdb.Customer): the new id and the values sent.
    /// The id is CustomerId so that a customer piped on binds New-CdbPipeline, New-CdbNote, New-CdbEvent and New-CdbTask.
    /// </summary>
    public sealed class Customer
    {
        public int CustomerId { get; set; }

        public string Forename { get; set; }

        public string Surname { get; set; }

        public string[] Email { get; set; }

        public string[] Phone { get; set; }

        /// <summary>Custom-field id (f-...) to the value sent.</summary>
        public OrderedDictionary CustomFields { get; set; }
    }
}
