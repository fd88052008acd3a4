using System.Collections.Generic;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    // Pipeline is the default set on purpose: a Pipeline object carries both PipelineId and CustomerId, and
    // PowerShell binds pipeline input in the default set first, so a piped pipeline gets the note itself.
    // A Customer object has no PipelineId and falls through to the Customer set.
    [Cmdlet(VerbsCommon.New, "CdbNote", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Note))]
    public sealed class NewCdbNoteCommand : CdbCmdlet
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
        [Alias("Note", "Comment", "Comments")]
        [AllowEmptyString]
        public string Text { get; set; }

        /// <summary>The input object, kept as the target of an error record.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected override void ProcessRecord()
        {
            bool onPipeline = ParameterSetName == PipelineSet;
            var note = new Note
            {
                CustomerId = onPipeline ? (int?)null : CustomerId,
                PipelineId = onPipeline ? PipelineId : (int?)null,
                Text = Text ?? string.Empty,
            };
            object target = InputObject ?? (object)note;
            if (note.Text.Trim().Length == 0)
            {
                WriteInvalid("CdbNoteInvalid", "note", new List<string> { "Text is required and is empty." }, target);
                return;
            }

            string parent = onPipeline ? $"pipeline {PipelineId}" : $"customer {CustomerId}";
            int? id = Create(CdbRequests.Note(note), parent, "Add note", target);
            if (id.HasValue)
            {
                note.NoteId = id.Value;
                WriteObject(note);
            }
        }
    }
}
