using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    [Cmdlet(VerbsCommon.Get, "BizstimSession", DefaultParameterSetName = AllSet, SupportsPaging = true)]
    [OutputType(typeof(Session))]
    public sealed class GetBizstimSessionCommand : BizstimCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "Id";
        private const int DefaultPageSize = 100;

        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SessionId")]
        [ArgumentCompleter(typeof(SessionIdCompleter))]
        public int[] Id { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        [ValidateRange(1, BizstimApi.MaxPageSize)]
        public int PageSize { get; set; } = DefaultPageSize;

        private LookupWindow _window;

        protected override void BeginProcessing()
        {
            if (ParameterSetName == IdSet)
            {
                RefuseTotalCountForLookups("session", "Get-BizstimSession");
            }

            _window = new LookupWindow(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            BizstimConnection connection = ResolveConnection();
            BizstimApi api = connection.Api;
            if (ParameterSetName == IdSet)
            {
                foreach (int id in Id)
                {
                    if (_window.Take())
                    {
                        GetOne(api, id);
                    }
                }

                return;
            }

            try
            {
                ListAll(connection, api);
            }
            catch (CrmApiException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
            }
        }

        private void GetOne(BizstimApi api, int id)
        {
            try
            {
                Session session = Wait(api.GetSessionAsync(id, Messages, CancellationToken));
                if (session != null)
                {
                    WriteObject(session);
                    return;
                }

                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No Bizstim session has id {id}."),
                    "BizstimSessionNotFound",
                    ErrorCategory.ObjectNotFound,
                    id));
            }
            catch (CrmApiException ex)
            {
                WriteError(ex.ToErrorRecord(id));
            }
        }

        private void ListAll(BizstimConnection connection, BizstimApi api) =>
            WritePages<Session>(connection, PageSize, (start, limit, cancel) => api.GetSessionsAsync(start, limit, Messages, cancel));
    }
}
