using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommon.Get, "BizstimClient", DefaultParameterSetName = AllSet, SupportsPaging = true)]
    [OutputType(typeof(Client), ParameterSetName = new[] { AllSet })]
    [OutputType(typeof(ClientDetail), ParameterSetName = new[] { IdSet, EmailSet, UsernameSet, NameSet })]
    public sealed class GetBizstimClientCommand : BizstimCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "Id";
        private const string EmailSet = "Email";
        private const string UsernameSet = "Username";
        private const string NameSet = "Name";

        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ClientId")]
        [ArgumentCompleter(typeof(ClientIdCompleter))]
        public int[] Id { get; set; }

        [Parameter(ParameterSetName = EmailSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClientEmailCompleter))]
        public string[] Email { get; set; }

        [Parameter(ParameterSetName = UsernameSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[] Username { get; set; }

        [Parameter(ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string FirstName { get; set; }

        [Parameter(ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string LastName { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        [ValidateRange(1, BizstimApi.MaxPageSize)]
        public int PageSize { get; set; } = BizstimApi.MaxPageSize;

        private LookupWindow _window;

        protected override void BeginProcessing()
        {
            if (ParameterSetName != AllSet)
            {
                RefuseTotalCountForLookups("client", "Get-BizstimClient");
            }

            _window = new LookupWindow(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var api = connection.Api;
            switch (ParameterSetName)
            {
                case IdSet:
                    foreach (int id in Id)
                    {
                        if (_window.Take())
                        {
                            Lookup(api, "id", id.ToString(CultureInfo.InvariantCulture), $"id {id}", id);
                        }
                    }

                    break;
                case EmailSet:
                    foreach (string email in Email)
                    {
                        if (_window.Take())
                        {
                            Lookup(api, "email", email, $"e-mail {email}", email);
                        }
                    }

                    break;
                case UsernameSet:
                    foreach (string username in Username)
                    {
                        if (_window.Take())
                        {
                            Lookup(api, "username", username, $"username {username}", username);
                        }
                    }

                    break;
                case NameSet:
                    if (!_window.Take())
                    {
                        break;
                    }

                    try
                    {
                        LookupByName(api);
                    }
                    catch (Core.CrmApiException ex)
                    {
                        WriteError(ex.ToErrorRecord(new { FirstName, LastName }));
                    }

                    break;
                default:
                    try
                    {
                        ListAll(connection, api);
                    }
                    catch (Core.CrmApiException ex)
                    {
                        ThrowTerminatingError(ex.ToErrorRecord(null));
                    }

                    break;
            }
        }

        private void ListAll(BizstimConnection connection, BizstimApi api) =>
            WritePages<Client>(connection, PageSize, async (start, limit, cancel) =>
            {
                Page<Client> page = await api.GetClientsAsync(start, limit, Messages, cancel).ConfigureAwait(false);
                foreach (Client client in page.Items)
                {
                    client.Source = connection;
                }

                return page;
            });

        private void LookupByName(BizstimApi api)
        {
            var query = new List<KeyValuePair<string, string>>();
            if (FirstName != null)
            {
                query.Add(new KeyValuePair<string, string>("first_name", FirstName));
            }

            if (LastName != null)
            {
                query.Add(new KeyValuePair<string, string>("last_name", LastName));
            }

            string described = $"name {FirstName} {LastName}".Replace("  ", " ").Trim();
            Emit(Wait(api.FindClientAsync(query, Messages, CancellationToken)), described, new { FirstName, LastName });
        }

        private void Lookup(BizstimApi api, string field, string value, string described, object target)
        {
            try
            {
                var query = new[] { new KeyValuePair<string, string>(field, value) };
                Emit(Wait(api.FindClientAsync(query, Messages, CancellationToken)), described, target);
            }
            catch (Core.CrmApiException ex)
            {
                WriteError(ex.ToErrorRecord(target));
            }
        }

        private void Emit(ClientDetail client, string described, object target)
        {
            if (client != null)
            {
                WriteObject(client);
                return;
            }

            WriteError(new ErrorRecord(
                new ItemNotFoundException($"No Bizstim client has {described}."),
                "BizstimClientNotFound",
                ErrorCategory.ObjectNotFound,
                target));
        }
    }
}
