using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommon.New, "CdbPipeline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Pipeline))]
    public sealed class NewCdbPipelineCommand : CdbCustomFieldCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_id", "customer id")]
        [ValidateRange(1, int.MaxValue)]
        public int CustomerId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Ref")]
        [AllowEmptyString]
        public string Reference { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("pipeline_type_id", "pipeline type id")]
        [ValidateRange(1, int.MaxValue)]
        public int PipelineTypeId { get; set; }

        /// <summary>The stage to start in; left out when not given (0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("stage_id")]
        [ValidateRange(1, int.MaxValue)]
        public int StageId { get; set; }

        /// <summary>The user (staff member) who owns the pipeline; left out when not given (0).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int UserId { get; set; }

        /// <summary>The whole input object: its properties named like a custom-field id (f-...) are sent as custom fields.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var pipeline = new Pipeline
            {
                CustomerId = CustomerId,
                Reference = Reference?.Trim() ?? string.Empty,
                PipelineTypeId = PipelineTypeId,
                StageId = StageId > 0 ? StageId : (int?)null,
                UserId = UserId > 0 ? UserId : (int?)null,
                CustomFields = CustomFieldsOf(InputObject),
            };
            object target = InputObject ?? (object)pipeline;
            if (pipeline.Reference.Length == 0)
            {
                WriteInvalid("CdbPipelineInvalid", "pipeline", new List<string> { "Reference is required and is empty." }, target);
                return;
            }

            int? id = Create(CdbRequests.Pipeline(pipeline), $"customer {CustomerId}", $"Create pipeline '{pipeline.Reference}' (type {PipelineTypeId})", target);
            if (id.HasValue)
            {
                pipeline.PipelineId = id.Value;
                WriteObject(pipeline);
            }
        }
    }
}
