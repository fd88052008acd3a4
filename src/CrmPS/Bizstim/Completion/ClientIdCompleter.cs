using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>Completes client ids from the first clients of the account; typing part of a name finds its id.</summary>
    public sealed class ClientIdCompleter : BizstimListCompleter
    {
        internal override async Task<IReadOnlyList<Candidate>> FetchAsync(BizstimApi api, CancellationToken cancel)
        {
            Page<Client> page = await api.GetClientsAsync(0, MaxItems, new MessageQueue(), cancel).ConfigureAwait(false);
            return page.Items
                .Select(c => new Candidate(
                    c.Id.ToString(CultureInfo.InvariantCulture),
                    $"{c.Id} {c.FirstName} {c.LastName}".TrimEnd(),
                    Describe(c)))
                .ToList();
        }

        internal static string Describe(Client client)
        {
            string place = string.Join(", ", new[] { client.City, client.State }.Where(p => !string.IsNullOrWhiteSpace(p)));
            string email = string.IsNullOrWhiteSpace(client.Email) ? string.Empty : $" <{client.Email}>";
            return $"{client.FirstName} {client.LastName}{email}{(place.Length > 0 ? " (" + place + ")" : string.Empty)}".Trim();
        }
    }

    /// <summary>Completes e-mail addresses from the first clients of the account.</summary>
    public sealed class ClientEmailCompleter : BizstimListCompleter
    {
        internal override async Task<IReadOnlyList<Candidate>> FetchAsync(BizstimApi api, CancellationToken cancel)
        {
            Page<Client> page = await api.GetClientsAsync(0, MaxItems, new MessageQueue(), cancel).ConfigureAwait(false);
            return page.Items
                .Where(c => !string.IsNullOrWhiteSpace(c.Email))
                .SelectMany(c => c.Email.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).Select(e => new Candidate(e, $"{e} ({c.FirstName} {c.LastName})", ClientIdCompleter.Describe(c))))
                .GroupBy(c => c.Value, System.StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();
        }
    }

    /// <summary>Completes session ids from the first sessions of the account, showing when and what each is.</summary>
    public sealed class SessionIdCompleter : BizstimListCompleter
    {
        internal override async Task<IReadOnlyList<Candidate>> FetchAsync(BizstimApi api, CancellationToken cancel)
        {
            Page<Session> page = await api.GetSessionsAsync(0, MaxItems, new MessageQueue(), cancel).ConfigureAwait(false);
            return page.Items
                .Select(s =>
                {
                    string when = s.Start?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? s.Date ?? string.Empty;
                    string text = $"{s.SessionId} {when} {s.Description}".TrimEnd();
                    return new Candidate(s.SessionId.ToString(CultureInfo.InvariantCulture), text, $"{text} ({s.Status})");
                })
                .ToList();
        }
    }
}
