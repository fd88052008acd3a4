using System;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommon.Get, "BizstimOnDemandLink")]
    [OutputType(typeof(OnDemandLink))]
    public sealed class GetBizstimOnDemandLinkCommand : BizstimCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("custom_student_identifier", "StudentIdentifier")]
        [ValidateNotNullOrEmpty]
        [ValidatePathSegment]
        public string StudentId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("primary_agent_id")]
        [ValidateRange(0, int.MaxValue)]
        public int PrimaryAgentId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("secondary_agent_id")]
        [ValidateRange(0, int.MaxValue)]
        public int SecondaryAgentId { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                Uri link = Wait(ResolveConnection().Api.GetOnDemandLinkAsync(StudentId, PrimaryAgentId, SecondaryAgentId, Messages, CancellationToken));
                WriteObject(new OnDemandLink(link, StudentId, PrimaryAgentId, SecondaryAgentId));
            }
            catch (CrmApiException ex)
            {
                WriteError(ex.ToErrorRecord(StudentId));
            }
        }
    }
}
