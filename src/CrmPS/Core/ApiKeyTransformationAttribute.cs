using System.Management.Automation;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>
    /// Lets -ApiKey take a plain string as well as a SecureString, so a key read from a vault or
    /// an environment variable needs no ConvertTo-SecureString.
    /// </summary>
    public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                // An unset variable ($env:BIZSTIM_API_KEY) arrives as null: Connect-* says the key is missing and how to give it.
                case null:
                    return null;
                case string blank when string.IsNullOrWhiteSpace(blank):
                    return null;
                case SecureString secure:
                    return secure;
                case string plain:
                    return SecretText.ToSecureString(plain);
                default:
                    throw new ArgumentTransformationMetadataException($"-ApiKey takes the key as a string or a SecureString, not a {value.GetType().Name}.");
            }
        }
    }
}
