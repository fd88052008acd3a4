using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>Refuses at binding a value that cannot travel as one URL path segment ("." or "..").</summary>
    public sealed class ValidatePathSegmentAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!PathSegment.CanCarry(ValueText.Of(arguments), out string reason))
            {
                throw new ValidationMetadataException(reason);
            }
        }
    }
}
