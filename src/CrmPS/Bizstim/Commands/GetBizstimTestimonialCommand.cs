using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommon.Get, "BizstimTestimonial")]
    [OutputType("CrmPS.Bizstim.Testimonial")]
    public sealed class GetBizstimTestimonialCommand : BizstimCmdlet
    {
        internal const string TypeName = "CrmPS.Bizstim.Testimonial";

        protected override void EndProcessing()
        {
            try
            {
                foreach (ClientTestimonial testimonial in Wait(ResolveConnection().Api.GetTestimonialsAsync(Messages, CancellationToken)))
                {
                    var output = new PSObject(testimonial);
                    output.TypeNames.Insert(0, TypeName);
                    WriteObject(output);
                }
            }
            catch (CrmApiException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
            }
        }
    }
}
