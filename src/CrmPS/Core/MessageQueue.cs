using System.Collections.Concurrent;

namespace CrmPS.Core
{
    internal enum MessageKind
    {
        Verbose,
        Debug,
        Warning,
    }

    /// <summary>
    /// Messages written from HTTP continuations on thread-pool threads. PowerShell only accepts
    /// stream writes on the pipeline thread, so the cmdlet drains this queue there.
    /// </summary>
    internal sealed class MessageQueue
    {
        private readonly ConcurrentQueue<(MessageKind Kind, string Text)> _messages = new ConcurrentQueue<(MessageKind, string)>();

        public void Verbose(string text) => _messages.Enqueue((MessageKind.Verbose, text));

        public void Debug(string text) => _messages.Enqueue((MessageKind.Debug, text));

        public void Warning(string text) => _messages.Enqueue((MessageKind.Warning, text));

        public bool TryDequeue(out (MessageKind Kind, string Text) message) => _messages.TryDequeue(out message);
    }
}
