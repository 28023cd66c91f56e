using System.Net;
using System.Net.Sockets;

namespace Interactive.DlExt.Tests.Data;

/// <summary>An HTTP server on 127.0.0.1 that serves fixed files and counts requests (404 for anything else).</summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _loop;
    private int _requests;

    public LocalFileServer(Dictionary<string, byte[]> files)
    {
        _files = files;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/data/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A port nobody listens on now (connection refused), to play "offline".</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A client that never goes through a proxy, whatever the machine's settings.</summary>
    public static HttpClient DirectClient() => new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under a pending GetContext.
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var name = context.Request.Url!.AbsolutePath["/data/".Length..];
            if (context.Request.Url.AbsolutePath.StartsWith("/data/", StringComparison.Ordinal) && _files.TryGetValue(name, out var body))
            {
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
