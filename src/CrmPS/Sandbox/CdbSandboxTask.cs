using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>A task stored by the Customer Database App emulator, on a customer or on a pipeline.</summary>
    public sealed class CdbSandboxTask
    {
        public int Id { get; internal set; }

        public int? CustomerId { get; internal set; }

        public int? PipelineId { get; internal set; }

        public string Name { get; internal set; }

        public DateTime DueDate { get; internal set; }

        public string Description { get; internal set; }

        public IReadOnlyList<int> Users { get; internal set; }
    }
}
