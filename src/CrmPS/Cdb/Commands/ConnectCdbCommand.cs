using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommunications.Connect, "Cdb", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(CdbConnection))]
    public sealed class ConnectCdbCommand : ConnectCmdlet<CdbConnection>
    {
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.customerdatabase.invalid/");

        public ConnectCdbCommand()
            : base(CdbConnection.DefaultBaseUri)
        {
        }

        internal override ServiceProfile<CdbConnection> Profile => CdbConnection.Profile;

        internal override CdbConnection ConnectToSandbox(ConnectionOptions options)
        {
            CdbSandbox sandbox = ModuleState.Current.GetOrAdd(() => new CdbSandbox());
            return new CdbConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), options, new SandboxMessageHandler(sandbox, SandboxBaseUri));
        }

        internal override CdbConnection ConnectWithKey(SecureString key, ConnectionOptions options) =>
            new CdbConnection(BaseUri, key, options);
    }
}
