using System;
using System.Management.Automation;
using System.Security;
using CrmPS.Core;
using CrmPS.Sandbox;

namespace CrmPS.Botw
{
    [Cmdlet(VerbsCommunications.Connect, "Botw", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(BotwConnection))]
    public sealed class ConnectBotwCommand : ConnectCmdlet<BotwConnection>
    {
        private static readonly Uri SandboxBaseUri = new Uri("https://sandbox.botw.invalid/");

        public ConnectBotwCommand()
            : base(BotwConnection.DefaultBaseUri)
        {
        }

        /// <summary>The listing (campaign) the BOTW cmdlets use when they are not given -ListingId.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ListingId { get; set; }

        internal override ServiceProfile<BotwConnection> Profile => BotwConnection.Profile;

        private int? DefaultListingId => ListingId > 0 ? ListingId : (int?)null;

        internal override BotwConnection ConnectToSandbox(ConnectionOptions options)
        {
            BotwSandbox sandbox = ModuleState.Current.GetOrAdd(() => new BotwSandbox());
            return new BotwConnection(SandboxBaseUri, SecretText.ToSecureString("sandbox"), DefaultListingId, options, new SandboxMessageHandler(sandbox, SandboxBaseUri));
        }

        internal override BotwConnection ConnectWithKey(SecureString key, ConnectionOptions options) =>
            new BotwConnection(BaseUri, key, DefaultListingId, options);
    }
}
