using System;
using System.Linq;
using System.Text.RegularExpressions;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>Reads the vendor's inquiry codes 0-4 into e-mail and database outcomes.</summary>
    internal static class InquiryOutcome
    {
        private static readonly Regex ListItems = new Regex(@"<li[^>]*>(.*?)</li>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.Compiled);

        public static InquiryResult ToResult(InquiryRequest inquiry, int code, string response)
        {
            return new InquiryResult
            {
                Email = inquiry.Email,
                FirstName = inquiry.FirstName,
                LastName = inquiry.LastName,
                Code = code,
                EmailSent = code >= 0 && code <= 3,
                ClientOutcome = OutcomeOf(code, response),
                Response = response,
            };
        }

        /// <summary>The validation errors of a code-5 answer (an HTML list) as plain text, one per line.</summary>
        public static string ValidationText(string response)
        {
            if (string.IsNullOrWhiteSpace(response))
            {
                return "validation failed (no details given).";
            }

            var items = ListItems.Matches(response).Cast<Match>().Select(m => TextPreview.StripHtml(m.Groups[1].Value)).Where(t => t.Length > 0).ToArray();
            return items.Length > 0 ? string.Join(Environment.NewLine, items) : TextPreview.StripHtml(response);
        }

        private static ClientOutcome OutcomeOf(int code, string response)
        {
            switch (code)
            {
                case 0:
                    return ClientOutcome.NotAdded;
                case 1:
                    return ClientOutcome.AlreadyInDatabase;
                case 2:
                    return ClientOutcome.AddFailed;
                case 3:
                    return ClientOutcome.Added;
                case 4:
                    return OutcomeOfSendError(response ?? string.Empty);
                default:
                    return ClientOutcome.Unknown;
            }
        }

        private static ClientOutcome OutcomeOfSendError(string response)
        {
            if (Contains(response, "previously added"))
            {
                return ClientOutcome.AlreadyInDatabase;
            }

            if (Contains(response, "Error adding"))
            {
                return ClientOutcome.AddFailed;
            }

            if (Contains(response, "not added"))
            {
                return ClientOutcome.NotAdded;
            }

            return Contains(response, "Client added") ? ClientOutcome.Added : ClientOutcome.Unknown;
        }

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
