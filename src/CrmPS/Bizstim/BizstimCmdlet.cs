using System;
using System.Management.Automation;
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
            ulong written = 0;
            long total = -1;
            using (var fetcher = new PageFetcher<T>(PagingParameters.Skip, PagingParameters.First, pageSize, connection.PageParallelism, fetch, CancellationToken))
            {
                for (Task<Page<T>> next = fetcher.Next(); next != null; next = fetcher.Next())
                {
                    Page<T> page;
                    try
                    {
                        page = Wait(next);
                    }
                    catch (CrmApiException ex)
                    {
                        throw Unfinished(ex, written);
                    }

                    var items = fetcher.Take(page);
                    total = page.Total;
                    if (PagingParameters.IncludeTotalCount && !totalReported)
                    {
                        WriteObject(PagingParameters.NewTotalCount((ulong)page.Total, 1.0));
                        totalReported = true;
                    }

                    foreach (T item in items)
                    {
                        WriteObject(item);
                        written++;
                    }
                }
            }

            ulong expected = total < 0 || (ulong)total <= PagingParameters.Skip ? 0 : Math.Min((ulong)total - PagingParameters.Skip, PagingParameters.First);
            if (written < expected)
            {
                throw Unfinished(
                    new CrmApiException(BizstimConnection.ServiceName, "BizstimListShort", ErrorCategory.InvalidResult, $"Bizstim said the list holds {total} item(s), but its pages ended early."),
                    written);
            }
        }

        /// <summary>A page failed for good: the error says how much was written and how to fetch the rest, never a silent short list.</summary>
        private CrmApiException Unfinished(CrmApiException failure, ulong written)
        {
            ulong resumeAt = PagingParameters.Skip + written;
            string first = PagingParameters.First == ulong.MaxValue ? string.Empty : $" -First {PagingParameters.First - written}";
            string message = $"{failure.Message} The list is incomplete: {written} item(s) were written before this failure. Run the same command again with -Skip {resumeAt}{first} to get the rest.";
            return new CrmApiException(failure.Service, failure.ErrorId, failure.Category, message, failure.StatusCode, failure.ServerMessage, failure, failure.MayHaveReachedServer)
            {
                Method = failure.Method,
            };
        }
    }
}
