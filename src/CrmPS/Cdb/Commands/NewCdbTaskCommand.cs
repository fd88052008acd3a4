using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    // Pipeline is the default set: see CdbChildCmdlet.
    [Cmdlet(VerbsCommon.New, "CdbTask", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Task))]
    public sealed class NewCdbTaskCommand : CdbChildCmdlet
    {
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

        protected override void ProcessRecord()
        {
            var task = new Task
            {
                CustomerId = ParentCustomerId,
                PipelineId = ParentPipelineId,
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

            string due = task.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            int? id = Create(CdbRequests.Task(task), Parent, $"Add task '{task.Name}' due {due}", target);
            if (id.HasValue)
            {
                task.TaskId = id.Value;
                WriteObject(task);
            }
        }
    }
}
