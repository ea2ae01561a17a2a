using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Blog.Tests.Integration;

/// <summary>
/// Stands in for an OpenTelemetry collector on a loopback port: takes every OTLP/HTTP export (any path), answers 200,
/// and remembers which paths were posted to. Nothing is decoded.
/// </summary>
public sealed class FakeOtlpCollector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public FakeOtlpCollector()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it.</summary>
    public string Endpoint { get; }

    public ConcurrentQueue<string> PostedPaths { get; } = new();

    public void Dispose()
    {
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            PostedPaths.Enqueue(context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
