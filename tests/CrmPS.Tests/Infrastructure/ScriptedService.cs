using System.Text;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Infrastructure;

/// <summary>Wraps an emulator and answers chosen requests with a scripted reply instead (the request never reaches the store).</summary>
internal sealed class ScriptedService : ISandboxService
{
    private readonly ISandboxService _inner;
    private readonly Queue<(string Method, SandboxResponse Response)> _scripted = new();

    public ScriptedService(ISandboxService inner) => _inner = inner;

    public void FailNext(string method, int status, string contentType, string body)
    {
        var response = new SandboxResponse { StatusCode = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(body) };
        _scripted.Enqueue((method, response));
    }

    public SandboxResponse Handle(SandboxRequest request)
    {
        lock (_scripted)
        {
            if (_scripted.Count > 0 && _scripted.Peek().Method == request.Method)
            {
                return _scripted.Dequeue().Response;
            }
        }

        return _inner.Handle(request);
    }
}
