using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using CrmPS.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmPS.SandboxHost
{
    /// <summary>Serves an <see cref="ISandboxService"/> over real HTTP (or https) on 127.0.0.1 with an ephemeral port.</summary>
    public sealed class LoopbackSandboxServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ISandboxService _service;
        private readonly string _prefix;

        private LoopbackSandboxServer(WebApplication app, ISandboxService service, string prefix)
        {
            _app = app;
            _service = service;
            _prefix = prefix;
        }

        /// <summary>The server root including the path prefix, always ending in '/', e.g. http://127.0.0.1:54321/prefix/.</summary>
        public Uri BaseUri { get; private set; }

        /// <param name="certificate">Serve https with this certificate instead of http.</param>
        public static async Task<LoopbackSandboxServer> StartAsync(ISandboxService service, string pathPrefix = "", X509Certificate2 certificate = null)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var prefix = NormalizePrefix(pathPrefix);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate != null) listen.UseHttps(certificate);
            }));
            var server = new LoopbackSandboxServer(builder.Build(), service, prefix);
            server._app.Run(server.ServeAsync);
            await server._app.StartAsync().ConfigureAwait(false);
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().Addresses.First();
            server.BaseUri = new Uri(address.TrimEnd('/') + prefix + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        private static string NormalizePrefix(string prefix)
        {
            var trimmed = (prefix ?? "").Trim('/');
            return trimmed.Length == 0 ? "" : "/" + trimmed;
        }

        private async Task ServeAsync(HttpContext context)
        {
            var target = context.Features.Get<IHttpRequestFeature>().RawTarget ?? "/";
            var queryStart = target.IndexOf('?');
            var path = RelativePath(queryStart < 0 ? target : target.Substring(0, queryStart));
            if (path == null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            var request = new SandboxRequest
            {
                Method = context.Request.Method,
                Path = path,
                Query = queryStart < 0 ? "" : target.Substring(queryStart + 1),
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                ContentType = context.Request.ContentType,
                Body = await ReadBodyAsync(context.Request).ConfigureAwait(false),
            };
            SandboxResponse response = _service.Handle(request);
            if (response.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (response.AbortConnection)
            {
                context.Abort();
                return;
            }

            await WriteAsync(context.Response, response).ConfigureAwait(false);
        }

        private string RelativePath(string rawPath)
        {
            if (_prefix.Length == 0) return rawPath;
            if (!rawPath.StartsWith(_prefix, StringComparison.Ordinal)) return null;
            var rest = rawPath.Substring(_prefix.Length);
            if (rest.Length == 0) return "/";
            return rest[0] == '/' ? rest : null;
        }

        private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }

        private static async Task WriteAsync(HttpResponse response, SandboxResponse result)
        {
            response.StatusCode = result.StatusCode;
            foreach (KeyValuePair<string, string> header in result.Headers) response.Headers[header.Key] = header.Value;
            if (!string.IsNullOrEmpty(result.ContentType)) response.ContentType = result.ContentType;
            var body = result.Body ?? Array.Empty<byte>();
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body).ConfigureAwait(false);
        }
    }
}
