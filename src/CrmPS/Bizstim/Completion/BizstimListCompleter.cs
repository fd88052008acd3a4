using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Tab completion from values the connected Bizstim account lists (client ids, e-mail addresses,
    /// session ids). It uses the -Connection already typed or the session's default connection and
    /// never creates one; it reads one page, waits at most a few seconds, keeps the answer for a
    /// minute per connection, and offers nothing rather than an error when the server is slow or
    /// refuses.
    /// </summary>
    public abstract class BizstimListCompleter : IArgumentCompleter
    {
        internal const int MaxItems = 200;
        private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
        private static readonly ConditionalWeakTable<BizstimConnection, Dictionary<Type, (DateTime At, IReadOnlyList<Candidate> Items)>> Cache =
            new ConditionalWeakTable<BizstimConnection, Dictionary<Type, (DateTime, IReadOnlyList<Candidate>)>>();

        internal static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            BizstimConnection connection = FindConnection(fakeBoundParameters);
            if (connection == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IReadOnlyList<Candidate> candidates;
            try
            {
                candidates = Candidates(connection);
            }
            catch (Exception)
            {
                // Tab completion must never fail in the user's face: no answer means no suggestions.
                return Enumerable.Empty<CompletionResult>();
            }

            // Values that start with the word; failing that, values whose description holds it, so a
            // name completes to its id.
            List<Candidate> matches = candidates.Where(c => c.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0 && word.Length > 0)
            {
                matches = candidates.Where(c => c.ListItemText.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            }

            return matches
                .Select(c => new CompletionResult(Quote(c.Value), c.ListItemText, CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();
        }

        /// <summary>Reads the values from the server; called at most once a minute per connection.</summary>
        internal abstract Task<IReadOnlyList<Candidate>> FetchAsync(BizstimApi api, CancellationToken cancel);

        private IReadOnlyList<Candidate> Candidates(BizstimConnection connection)
        {
            Dictionary<Type, (DateTime At, IReadOnlyList<Candidate> Items)> perType = Cache.GetOrCreateValue(connection);
            lock (perType)
            {
                if (perType.TryGetValue(GetType(), out var cached) && DateTime.UtcNow - cached.At < CacheFor)
                {
                    return cached.Items;
                }
            }

            IReadOnlyList<Candidate> items;
            using (var cancel = new CancellationTokenSource(Timeout))
            {
                Task<IReadOnlyList<Candidate>> fetch = FetchAsync(connection.Api, cancel.Token);
                if (!fetch.Wait(Timeout))
                {
                    cancel.Cancel();
                    return Array.Empty<Candidate>();
                }

                items = fetch.Result;
            }

            lock (perType)
            {
                perType[GetType()] = (DateTime.UtcNow, items);
            }

            return items;
        }

        private static BizstimConnection FindConnection(IDictionary fakeBoundParameters)
        {
            object given = fakeBoundParameters != null && fakeBoundParameters.Contains("Connection") ? fakeBoundParameters["Connection"] : null;
            if (given is PSObject wrapped)
            {
                given = wrapped.BaseObject;
            }

            return given as BizstimConnection ?? ModuleState.Current.Get<BizstimConnection>();
        }

        private static string Quote(string value) =>
            value.Length == 0 || value[0] == '@' || value[0] == '-' || value.Any(char.IsWhiteSpace) || value.IndexOfAny(new[] { '\'', '"', ',', ';', '(', ')', '{', '}', '$', '#', '`', '|', '&', '<', '>' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;

        /// <summary>One value to offer: what is inserted, what the menu shows, and the tooltip.</summary>
        internal sealed class Candidate
        {
            public Candidate(string value, string listItemText, string toolTip)
            {
                Value = value;
                ListItemText = listItemText;
                ToolTip = string.IsNullOrWhiteSpace(toolTip) ? value : toolTip;
            }

            public string Value { get; }

            public string ListItemText { get; }

            public string ToolTip { get; }
        }
    }
}
