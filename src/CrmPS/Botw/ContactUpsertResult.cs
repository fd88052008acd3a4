using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmPS.Botw
{
    /// <summary>What Set-BotwContact's write did: updated or created, refused before sending, or created perhaps twice.</summary>
    internal sealed class ContactUpsertResult
    {
        private ContactUpsertResult(ContactOutcome outcome, int? id, string message, IReadOnlyList<Contact> matches, bool mayBeDuplicated)
        {
            Outcome = outcome;
            Id = id;
            Message = message;
            Matches = matches ?? new List<Contact>();
            MayBeDuplicated = mayBeDuplicated;
        }

        public ContactOutcome Outcome { get; }

        /// <summary>The contact updated, or the one created when a lookup found it; null when BOTW did not say.</summary>
        public int? Id { get; }

        /// <summary>BOTW's own message; null when the outcome was settled by a lookup.</summary>
        public string Message { get; }

        /// <summary>When refused or perhaps duplicated: the contacts holding the e-mail address or phone number.</summary>
        public IReadOnlyList<Contact> Matches { get; }

        /// <summary>Several contacts already held the e-mail address (or phone), so nothing was sent.</summary>
        public bool Refused => !MayBeDuplicated && Matches.Count > 1;

        /// <summary>BOTW created the contact, and an earlier attempt without a clear answer may have created it as well.</summary>
        public bool MayBeDuplicated { get; }

        /// <summary>"4, 7": the ids of <see cref="Matches"/>, for messages.</summary>
        public string MatchIds => string.Join(", ", Matches.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));

        public static ContactUpsertResult Done(ContactOutcome outcome, int? id, string message) => new ContactUpsertResult(outcome, id, message, null, false);

        public static ContactUpsertResult Ambiguous(IReadOnlyList<Contact> matches) => new ContactUpsertResult(ContactOutcome.Updated, null, null, matches, false);

        public static ContactUpsertResult PerhapsTwice(IReadOnlyList<Contact> matches) => new ContactUpsertResult(ContactOutcome.Created, null, null, matches, true);
    }
}
