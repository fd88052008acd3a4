using System;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>Base of the Bizstim cmdlets: the -Connection parameter and how a connection is found without it.</summary>
    public abstract class BizstimCmdlet : CrmCmdlet
    {
        internal const string ApiKeyVariable = "BIZSTIM_API_KEY";

        /// <summary>The account to use; defaults to the last Connect-Bizstim of this session.</summary>
        [Parameter]
        [ValidateNotNull]
        public BizstimConnection Connection { get; set; }

        internal BizstimConnection ResolveConnection()
        {
            if (Connection != null)
            {
                return Connection;
            }

            var state = ModuleState.Current;
            BizstimConnection current = state.Get<BizstimConnection>();
            if (current != null)
            {
                return current;
            }

            string key = Environment.GetEnvironmentVariable(ApiKeyVariable);
            if (!string.IsNullOrWhiteSpace(key))
            {
                var fromEnvironment = new BizstimConnection(BizstimConnection.DefaultBaseUri, SecretText.ToSecureString(key.Trim()), BizstimPlan.Enterprise, new ConnectionOptions());
                state.Set(fromEnvironment);
                WriteVerbose($"Using the API key in $env:{ApiKeyVariable} with {fromEnvironment.BaseUri} (Enterprise plan). Run Connect-Bizstim to choose another address or plan.");
                return fromEnvironment;
            }

            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"Not connected to Bizstim. Run Connect-Bizstim -ApiKey <key> (or Connect-Bizstim -Sandbox to rehearse offline), or set $env:{ApiKeyVariable}."),
                "BizstimNotConnected",
                ErrorCategory.ConnectionError,
                null));
            return null;
        }
    }
}
