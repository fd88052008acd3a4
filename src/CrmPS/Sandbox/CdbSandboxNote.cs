namespace CrmPS.Sandbox
{
    /// <summary>A note stored by the Customer Database App emulator, on a customer or on a pipeline.</summary>
    public sealed class CdbSandboxNote
    {
        public int Id { get; internal set; }

        public int? CustomerId { get; internal set; }

        public int? PipelineId { get; internal set; }

        public string Text { get; internal set; }
    }
}
