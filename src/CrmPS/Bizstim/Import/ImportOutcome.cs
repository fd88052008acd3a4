using System;

namespace CrmPS.Bizstim
{
    internal enum ImportOutcomeKind
    {
        Imported,
        Partial,
        TrialLimit,
        RateLimited,
    }

    /// <summary>How Bizstim answered one import operation, beyond plain failure (which is thrown).</summary>
    internal sealed class ImportOutcome
    {
        private ImportOutcome(ImportOutcomeKind kind, string message, TimeSpan? retryAfter, bool hourlyLimit)
        {
            Kind = kind;
            Message = message;
            RetryAfter = retryAfter;
            HourlyLimit = hourlyLimit;
        }

        public ImportOutcomeKind Kind { get; }

        public string Message { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>For a trial refusal: true when the hour's operations are spent (429), false when the batch was too big.</summary>
        public bool HourlyLimit { get; }

        public static ImportOutcome Imported(string message) => new ImportOutcome(ImportOutcomeKind.Imported, message, null, false);

        public static ImportOutcome Partial(string message) => new ImportOutcome(ImportOutcomeKind.Partial, message, null, false);

        public static ImportOutcome TrialLimit(string message, TimeSpan? retryAfter, bool hourlyLimit) =>
            new ImportOutcome(ImportOutcomeKind.TrialLimit, message, retryAfter, hourlyLimit);

        public static ImportOutcome RateLimited(string message, TimeSpan? retryAfter) => new ImportOutcome(ImportOutcomeKind.RateLimited, message, retryAfter, true);
    }
}
