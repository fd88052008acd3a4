using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Completes a client piped from Get-BizstimClient's list, which carries no status, birth date,
    /// start date or notes: reads the client's detail from the account it was listed from, so
    /// `Get-BizstimClient -Connection $old | Import-BizstimClient -Connection $new` copies it whole.
    /// </summary>
    internal static class ListedClientDetail
    {
        /// <summary>The listed client behind <paramref name="input"/>, when it lacks what the list leaves out and its account is known.</summary>
        public static Client NeedingDetail(object input) =>
            (input is PSObject wrapped ? wrapped.BaseObject : input) is Client listed && !(listed is ClientDetail) && listed.Source != null ? listed : null;

        /// <summary>Reads the client's detail from its own account; throws CrmApiException when that fails or it is gone.</summary>
        public static ClientDetail Read(Client listed, CrmCmdlet waiter, MessageQueue log, CancellationToken cancel)
        {
            var byId = new[] { new KeyValuePair<string, string>("id", listed.Id.ToString(CultureInfo.InvariantCulture)) };
            ClientDetail detail = waiter.Wait(listed.Source.Api.FindClientAsync(byId, log, cancel));
            if (detail == null)
            {
                throw new CrmApiException(
                    BizstimConnection.ServiceName,
                    "BizstimClientNotFound",
                    ErrorCategory.ObjectNotFound,
                    $"Client {listed.Id} ({listed.FirstName} {listed.LastName}) is no longer in {listed.Source.BaseUri}, so its status could not be read.");
            }

            return detail;
        }
    }
}
