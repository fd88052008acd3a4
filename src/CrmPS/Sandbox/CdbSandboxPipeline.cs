using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>A pipeline stored by the Customer Database App emulator.</summary>
    public sealed class CdbSandboxPipeline
    {
        public int Id { get; internal set; }

        public int CustomerId { get; internal set; }

        public string Reference { get; internal set; }

        public int PipelineTypeId { get; internal set; }

        public int? StageId { get; internal set; }

        public int? UserId { get; internal set; }

        public IReadOnlyDictionary<string, string> CustomFields { get; internal set; }
    }
}
