using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CrmPS.Core
{
    /// <summary>
    /// Base of every CrmPS cmdlet: a cancellation source that Ctrl+C trips, a way to wait for
    /// async HTTP work on the pipeline thread, and the drain that turns queued messages into
    /// Verbose, Debug and Warning records.
    /// </summary>
    public abstract class CrmCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        internal MessageQueue Messages { get; } = new MessageQueue();

        /// <summary>True under -WhatIf, given or inherited through $WhatIfPreference: nothing is written to disk then either.</summary>
        internal bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object whatIf))
            {
                return ((SwitchParameter)whatIf).IsPresent;
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));
        }

        internal CancellationToken CancellationToken => _cancellation.Token;

        public void Dispose()
        {
            _cancellation.Dispose();
        }

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
        }

        internal T Wait<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                FlushMessages();
            }
        }

        internal void Wait(Task task)
        {
            Wait(WithResult(task));
        }

        internal void FlushMessages()
        {
            while (Messages.TryDequeue(out var message))
            {
                switch (message.Kind)
                {
                    case MessageKind.Verbose:
                        WriteVerbose(message.Text);
                        break;
                    case MessageKind.Debug:
                        WriteDebug(message.Text);
                        break;
                    case MessageKind.Warning:
                        WriteWarning(message.Text);
                        break;
                }
            }
        }

        private static async Task<bool> WithResult(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }
    }
}
