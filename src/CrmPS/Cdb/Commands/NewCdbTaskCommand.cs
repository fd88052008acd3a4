using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    // Pipeline is the default set for the reason given on New-CdbNote: a piped Pipeline object must bind PipelineId, not its CustomerId.
    [Cmdlet(VerbsCommon.New, "CdbTask", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Task))]
    public sealed class NewCdbTaskCommand : CdbCmdlet
    {
        private const string CustomerSet = "Customer";
        private const string PipelineSet = "Pipeline";

        [Parameter(ParameterSetName = CustomerSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("customer_id")]
        [ValidateRange(1, int.MaxValue)]
        public int CustomerId { get; set; }

        [Parameter(ParameterSetName = PipelineSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("pipeline_id")]
        [ValidateRange(1, int.MaxValue)]
        public int PipelineId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Title", "Subject")]
        [AllowEmptyString]
        public string Name { get; set; }

        /// <summary>The day the task is due; the time of day is not sent.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("datedue", "Due", "due date")]
        public DateTime DueDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        /// <summary>User (staff) ids the task is assigned to (users[i]).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateRange(1, int.MaxValue)]
        public int[] UserId { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            bool onPipeline = ParameterSetName == PipelineSet;
            var task = new Task
            {
                CustomerId = onPipeline ? (int?)null : CustomerId,
                PipelineId = onPipeline ? PipelineId : (int?)null,
                Name = Name?.Trim() ?? string.Empty,
                DueDate = DueDate.Date,
                Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
                UserId = UserId ?? new int[0],
            };
            object target = InputObject ?? (object)task;
            if (task.Name.Length == 0)
            {
                WriteInvalid("CdbTaskInvalid", "task", new List<string> { "Name is required and is empty." }, target);
                return;
            }

            string parent = onPipeline ? $"pipeline {PipelineId}" : $"customer {CustomerId}";
            string due = task.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            int? id = Create(CdbRequests.Task(task), parent, $"Add task '{task.Name}' due {due}", target);
            if (id.HasValue)
            {
                task.TaskId = id.Value;
                WriteObject(task);
            }
        }
    }
}
