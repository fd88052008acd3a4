using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CrmPS.Core;

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

        /// <summary>The day the task is due (a DateTime or text, read by the module's date rule); the time of day is not sent.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("datedue", "Due", "due date")]
        public object DueDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        /// <summary>User (staff) ids the task is assigned to (users[i]).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateRange(1, int.MaxValue)]
        public int[] UserId { get; set; }

        /// <summary>The form of -DueDate when given as text not in ISO order (such as 'dd/MM/yyyy').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] DateFormat { get; set; }

        protected override void ProcessRecord()
        {
            var problems = new List<string>();
            if (!new DateReader(null, DateFormat).TryRead(DueDate, dateOnly: true, out DateTime due, out string dateProblem))
            {
                problems.Add($"DueDate {dateProblem}");
            }

            var task = new Task
            {
                CustomerId = ParentCustomerId,
                PipelineId = ParentPipelineId,
                Name = Name?.Trim() ?? string.Empty,
                DueDate = due,
                Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
                UserId = UserId ?? new int[0],
            };
            object target = InputObject ?? (object)task;
            if (task.Name.Length == 0)
            {
                problems.Insert(0, "Name is required and is empty.");
            }

            if (problems.Count > 0)
            {
                WriteInvalid("CdbTaskInvalid", "task", problems, target);
                return;
            }

            string dueText = task.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            int? id = Create(CdbRequests.Task(task), Parent, $"Add task '{task.Name}' due {dueText}", target);
            if (id.HasValue)
            {
                task.TaskId = id.Value;
                WriteObject(task);
            }
        }
    }
}
