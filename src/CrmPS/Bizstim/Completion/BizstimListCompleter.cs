using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Tab completion from values the connected Bizstim account lists (client ids, e-mail addresses,
    /// session ids). It uses the -Connection typed on the same line (its value as the engine's
    /// pseudo-binding gives it, or the variable it names) or else the session's default connection,
    /// and never creates one. It reads one page, waits at most about a second, keeps the answer for
    /// a minute per connection, and offers nothing rather than an error when the server is slow or
    /// refuses; a failure is remembered for a while, so the next Tab gives up at once.
    /// </summary>
    public abstract class BizstimListCompleter : IArgumentCompleter
    {
        internal const int MaxItems = 200;
        private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan FailureCacheFor = TimeSpan.FromSeconds(30);
        private static readonly ConditionalWeakTable<BizstimConnection, Dictionary<Type, (DateTime Until, IReadOnlyList<Candidate> Items)>> Cache =
            new ConditionalWeakTable<BizstimConnection, Dictionary<Type, (DateTime, IReadOnlyList<Candidate>)>>();

        internal static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            BizstimConnection connection = FindConnection(fakeBoundParameters, commandAst);
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
            Dictionary<Type, (DateTime Until, IReadOnlyList<Candidate> Items)> perType = Cache.GetOrCreateValue(connection);
            lock (perType)
            {
                if (perType.TryGetValue(GetType(), out var cached) && DateTime.UtcNow < cached.Until)
                {
                    return cached.Items;
                }
            }

            IReadOnlyList<Candidate> items = null;
            using (var cancel = new CancellationTokenSource(Timeout))
            {
                Task<IReadOnlyList<Candidate>> fetch = FetchAsync(connection.Api, cancel.Token);
                try
                {
                    if (fetch.Wait(Timeout))
                    {
                        items = fetch.Result;
                    }
                }
                catch (AggregateException)
                {
                    // Unreachable, refused or unreadable: remembered below like a timeout.
                }

                cancel.Cancel();
            }

            lock (perType)
            {
                perType[GetType()] = items == null
                    ? (DateTime.UtcNow + FailureCacheFor, (IReadOnlyList<Candidate>)Array.Empty<Candidate>())
                    : (DateTime.UtcNow + CacheFor, items);
            }

            return items ?? Array.Empty<Candidate>();
        }

        private static BizstimConnection FindConnection(IDictionary fakeBoundParameters, CommandAst commandAst)
        {
            object given = fakeBoundParameters != null && fakeBoundParameters.Contains("Connection") ? fakeBoundParameters["Connection"] : null;
            given = given ?? ConnectionVariable(commandAst);
            if (given is PSObject wrapped)
            {
                given = wrapped.BaseObject;
            }

            return given as BizstimConnection ?? ModuleState.Current.Get<BizstimConnection>();
        }

        /// <summary>
        /// The value of the variable typed after -Connection, for hosts whose pseudo-binding does not
        /// evaluate variables (it is read, never run: only a plain $name is looked up).
        /// </summary>
        private static object ConnectionVariable(CommandAst commandAst)
        {
            if (commandAst == null || Runspace.DefaultRunspace == null)
            {
                return null;
            }

            var elements = commandAst.CommandElements;
            for (int i = 0; i < elements.Count; i++)
            {
                if (elements[i] is CommandParameterAst parameter
                    && string.Equals(parameter.ParameterName, "Connection", StringComparison.OrdinalIgnoreCase))
                {
                    Ast argument = parameter.Argument ?? (i + 1 < elements.Count ? elements[i + 1] : null);
                    if (argument is VariableExpressionAst variable && !variable.Splatted)
                    {
                        try
                        {
                            return Runspace.DefaultRunspace.SessionStateProxy.PSVariable.GetValue(variable.VariablePath.UserPath);
                        }
                        catch (Exception)
                        {
                            return null;
                        }
                    }
                }
            }

            return null;
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
