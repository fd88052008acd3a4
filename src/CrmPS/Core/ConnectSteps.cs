using System;
using System.Management.Automation;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>The steps every Connect-* cmdlet shares: find the key, build the connection, refuse unsafe addresses.</summary>
    internal static class ConnectSteps
    {
        /// <summary>The -ApiKey value, or the key in the service's environment variable; stops the cmdlet when there is neither.</summary>
        public static SecureString KeyOrEnvironment<TConnection>(PSCmdlet cmdlet, SecureString apiKey, ServiceProfile<TConnection> profile)
            where TConnection : CrmConnection
        {
            if (apiKey != null && apiKey.Length > 0)
            {
                return apiKey;
            }

            SecureString fromEnvironment = profile.EnvironmentKey();
            if (fromEnvironment == null)
            {
                cmdlet.ThrowTerminatingError(profile.ApiKeyMissing());
            }

            return fromEnvironment;
        }

        /// <summary>Builds the connection; an address the key must not go to stops the cmdlet with {Service}ConnectionRefused.</summary>
        public static TConnection Create<TConnection>(PSCmdlet cmdlet, ServiceProfile<TConnection> profile, Uri baseUri, Func<TConnection> create)
            where TConnection : CrmConnection
        {
            try
            {
                return create();
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(profile.ConnectionRefused(ex, baseUri));
                return null;
            }
        }
    }
}
