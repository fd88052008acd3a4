using System;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>Base of the Bizstim cmdlets: -Connection, falling back to the session default and $env:BIZSTIM_API_KEY.</summary>
    public abstract class BizstimCmdlet : ServiceCmdlet<BizstimConnection>
    {
        internal const string ApiKeyVariable = "BIZSTIM_API_KEY";

        internal override ServiceProfile<BizstimConnection> Profile => BizstimConnection.Profile;

        /// <summary>
        /// A lookup has no total to report: -IncludeTotalCount is refused there rather than ignored.
        /// -First and -Skip are honoured over the items asked for (see LookupWindow).
        /// </summary>
        internal void RefuseTotalCountForLookups(string what, string command)
        {
            if (PagingParameters != null && PagingParameters.IncludeTotalCount)
            {
                ThrowTerminatingError(new System.Management.Automation.ErrorRecord(
                    new ArgumentException($"-IncludeTotalCount counts the {what}s of a full listing: use it with {command} alone (or with -PageSize), not with a lookup."),
                    "BizstimPagingNotApplicable",
                    System.Management.Automation.ErrorCategory.InvalidArgument,
                    null));
            }
        }

        /// <summary>
        /// Writes every item of a paged list in order, honouring -Skip, -First and
        /// -IncludeTotalCount. Once the first page tells the total, up to the connection's
        /// PageParallelism pages are fetched at once; objects are written here, on the pipeline
        /// thread, as soon as their page and every page before it have arrived.
        /// </summary>
        internal void WritePages<T>(BizstimConnection connection, int pageSize, Func<int, int, CancellationToken, Task<Page<T>>> fetch)
        {
            bool totalReported = false;
            using (var fetcher = new PageFetcher<T>(PagingParameters.Skip, PagingParameters.First, pageSize, connection.PageParallelism, fetch, CancellationToken))
            {
                for (Task<Page<T>> next = fetcher.Next(); next != null; next = fetcher.Next())
                {
                    Page<T> page = Wait(next);
                    var items = fetcher.Take(page);
                    if (PagingParameters.IncludeTotalCount && !totalReported)
                    {
                        WriteObject(PagingParameters.NewTotalCount((ulong)page.Total, 1.0));
                        totalReported = true;
                    }

                    foreach (T item in items)
                    {
                        WriteObject(item);
                    }
                }
            }
        }
    }
}
