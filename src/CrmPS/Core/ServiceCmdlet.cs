using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>
    /// Base of the cmdlets of one service: the -Connection parameter, and how a connection is
    /// found without it (the session default, then the service's environment variable).
    /// </summary>
    public abstract class ServiceCmdlet<TConnection> : CrmCmdlet
        where TConnection : CrmConnection
    {
        /// <summary>The account to use; defaults to the last Connect-* of this service in the session.</summary>
        [Parameter]
        [ValidateNotNull]
        public TConnection Connection { get; set; }

        internal abstract ServiceProfile<TConnection> Profile { get; }

        internal TConnection ResolveConnection()
        {
            if (Connection != null)
            {
                return Connection;
            }

            var state = ModuleState.Current;
            TConnection current = state.Get<TConnection>();
            if (current != null)
            {
                return current;
            }

            var key = Profile.EnvironmentKey();
            if (key != null)
            {
                TConnection fromEnvironment = Profile.ConnectWithKey(key);
                state.Set(fromEnvironment);
                WriteVerbose($"Using the API key in $env:{Profile.ApiKeyVariable} with {fromEnvironment.Describe()}. Run {Profile.ConnectCommand} to choose other settings.");
                return fromEnvironment;
            }

            ThrowTerminatingError(Profile.NotConnected());
            return null;
        }
    }
}
