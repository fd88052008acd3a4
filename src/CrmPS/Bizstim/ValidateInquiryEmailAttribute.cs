using System.Management.Automation;

namespace CrmPS.Bizstim
{
    /// <summary>Refuses at binding an address that Bizstim's route encoding (@ -> _, . -> ~) cannot carry.</summary>
    public sealed class ValidateInquiryEmailAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string address = Core.ValueText.Of(arguments);
            if (!InquiryRequest.CanEncodeEmail(address, out string reason))
            {
                throw new ValidationMetadataException(reason);
            }
        }
    }
}
