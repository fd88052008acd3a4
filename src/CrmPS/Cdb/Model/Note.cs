namespace CrmPS.Cdb
{
    /// <summary>A note added to a customer or to a pipeline (CrmPS.Cdb.Note); the other parent id is null.</summary>
    public sealed class Note
    {
        public int NoteId { get; set; }

        public int? CustomerId { get; set; }

        public int? PipelineId { get; set; }

        public string Text { get; set; }
    }
}
