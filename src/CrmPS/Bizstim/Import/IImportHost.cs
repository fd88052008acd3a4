using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace CrmPS.Bizstim
{
    /// <summary>What the importer needs from the cmdlet running it; keeps the importer free of PowerShell plumbing.</summary>
    internal interface IImportHost
    {
        /// <summary>Asks -WhatIf/-Confirm; returns null to send, or the reason the batch is not sent.</summary>
        string DeclineReason(ClientBatch batch);

        /// <summary>True when <see cref="DeclineReason"/> may prompt the user (-Confirm): results already in are then written before it asks.</summary>
        bool MayPrompt { get; }

        T Wait<T>(Task<T> task);

        void Wait(Task task);

        void ReportProgress(ImportProgress progress);

        void ReportWait(TimeSpan remaining, DateTimeOffset resumesAt, int used, int capacity);

        void EndWait();

        void Warn(string message);

        /// <summary>Writes a batch's error record; <paramref name="rowsSoFar"/> says which rows were imported before it and which were not sent.</summary>
        void BatchError(Core.CrmApiException error, ClientBatch batch, IReadOnlyList<object> inputRows, string rowsSoFar);

        /// <summary>Writes one row's final result to the pipeline.</summary>
        void Emit(ImportResult result);
    }
}
