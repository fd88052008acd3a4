using System;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Reads every client of the account once, with the parallel paged export Get-BizstimClient
    /// uses, into an <see cref="ExistingClientIndex"/>. Reads are GETs: they spend none of the
    /// plan's import operations. Each page is dropped as soon as its keys are taken.
    /// </summary>
    internal static class ExistingClientReader
    {
        /// <param name="wait">Waits for a page on the pipeline thread (the cmdlet's Wait, which also writes queued Verbose lines).</param>
        /// <param name="progress">Called after each page with the clients read so far and the account's total.</param>
        public static ExistingClientIndex Read(
            BizstimConnection connection,
            ClientMatchKey matchOn,
            Func<Task<Page<Client>>, Page<Client>> wait,
            Action<long, long> progress,
            MessageQueue log,
            CancellationToken cancel)
        {
            var index = new ExistingClientIndex(matchOn);
            BizstimApi api = connection.Api;
            using (var fetcher = new PageFetcher<Client>(0, ulong.MaxValue, BizstimApi.MaxPageSize, connection.PageParallelism, (start, limit, stop) => api.GetClientsAsync(start, limit, log, stop), cancel))
            {
                for (Task<Page<Client>> next = fetcher.Next(); next != null; next = fetcher.Next())
                {
                    Page<Client> page = wait(next);
                    foreach (Client client in fetcher.Take(page))
                    {
                        index.AddExisting(client);
                    }

                    progress(index.ClientsRead, page.Total);
                }
            }

            index.Seal();
            return index;
        }
    }
}
