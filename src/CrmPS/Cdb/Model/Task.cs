using System;

namespace CrmPS.Cdb
{
    /// <summary>A task added to a customer or to a pipeline (CrmPS.Cdb.Task); the other parent id is null.</summary>
    public sealed class Task
    {
        public int TaskId { get; set; }

        public int? CustomerId { get; set; }

        public int? PipelineId { get; set; }

        public string Name { get; set; }

        /// <summary>The due date (the time of day is not sent).</summary>
        public DateTime DueDate { get; set; }

        public string Description { get; set; }

        /// <summary>The user (staff) ids the task is assigned to (users[i]).</summary>
        public int[] UserId { get; set; }
    }
}
