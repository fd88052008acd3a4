using System.Collections.Specialized;

namespace CrmPS.Cdb
{
    /// <summary>
    /// A pipeline (sales opportunity) created for a customer (CrmPS.Cdb.Pipeline). It carries PipelineId and
    /// CustomerId: New-CdbNote and New-CdbTask bind PipelineId first, New-CdbEvent binds CustomerId.
    /// </summary>
    public sealed class Pipeline
    {
        public int PipelineId { get; set; }

        public int CustomerId { get; set; }

        public string Reference { get; set; }

        public int PipelineTypeId { get; set; }

        public int? StageId { get; set; }

        public int? UserId { get; set; }

        public OrderedDictionary CustomFields { get; set; }
    }
}
