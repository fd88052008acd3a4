using System.Collections.Generic;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    // Pipeline is the default set: see CdbChildCmdlet.
    [Cmdlet(VerbsCommon.New, "CdbNote", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Note))]
    public sealed class NewCdbNoteCommand : CdbChildCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Note", "Comment", "Comments")]
        [AllowEmptyString]
        public string Text { get; set; }

        protected override void ProcessRecord()
        {
            var note = new Note
            {
                CustomerId = ParentCustomerId,
                PipelineId = ParentPipelineId,
                Text = Text ?? string.Empty,
            };
            object target = InputObject ?? (object)note;
            if (note.Text.Trim().Length == 0)
            {
                WriteInvalid("CdbNoteInvalid", "note", new List<string> { "Text is required and is empty." }, target);
                return;
            }

            int? id = Create(CdbRequests.Note(note), Parent, "Add note", target);
            if (id.HasValue)
            {
                note.NoteId = id.Value;
                WriteObject(note);
            }
        }
    }
}
