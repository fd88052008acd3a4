using System.Management.Automation;

namespace CrmPS.Cdb
{
    /// <summary>
    /// Base of the cmdlets that add something to a customer or to a pipeline (New-CdbNote, New-CdbTask).
    /// Concrete cmdlets make Pipeline their default set: a Pipeline object carries both PipelineId and
    /// CustomerId, and PowerShell binds pipeline input in the default set first, so a piped pipeline
    /// gets the note or task itself; a Customer object has no PipelineId and falls through to the Customer set.
    /// </summary>
    public abstract class CdbChildCmdlet : CdbCmdlet
    {
        protected const string CustomerSet = "Customer";
        protected const string PipelineSet = "Pipeline";

        [Parameter(ParameterSetName = CustomerSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_id")]
        [ValidateRange(1, int.MaxValue)]
        public int CustomerId { get; set; }

        [Parameter(ParameterSetName = PipelineSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("pipeline_id")]
        [ValidateRange(1, int.MaxValue)]
        public int PipelineId { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        internal bool OnPipeline => ParameterSetName == PipelineSet;

        internal int? ParentCustomerId => OnPipeline ? (int?)null : CustomerId;

        internal int? ParentPipelineId => OnPipeline ? PipelineId : (int?)null;

        /// <summary>The parent as ShouldProcess and messages name it: "pipeline 1337" or "customer 10428".</summary>
        internal string Parent => OnPipeline ? $"pipeline {PipelineId}" : $"customer {CustomerId}";
    }
}
