using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Blog.Tests.ScaleOut;

/// <summary>
/// Debian's nginx as a child process, in front of one or several upstream instances (round robin), on 127.0.0.1 and a
/// free port. Its configuration is generated into a temporary folder, which also holds everything it writes (pid, logs,
/// temporary files, the cache), and is deleted when it stops. It sends the forwarded headers a trusted proxy sends,
/// names the instance that answered in <c>X-Upstream</c>, and with <see cref="NginxOptions.Cache"/> puts a
/// <c>proxy_cache</c> in front that obeys the service's <c>Cache-Control</c> and <c>Vary</c> (no <c>proxy_ignore_headers</c>)
/// and says what it did in <c>X-Cache-Status</c>. Under root its workers run as nginx's default user (nobody): nginx
/// hands them the folders it creates, so the configuration needs no <c>user</c>.
/// </summary>
public sealed class NginxProcess : IDisposable
{
    public const string UpstreamHeader = "X-Upstream";
    public const string CacheStatusHeader = "X-Cache-Status";

    private readonly Process process;

    private NginxProcess(Process process, DirectoryInfo folder, Uri baseAddress, string configuration)
    {
        this.process = process;
        Folder = folder;
        BaseAddress = baseAddress;
        Configuration = configuration;
    }

    public Uri BaseAddress { get; }

    /// <summary>The generated nginx.conf, for failure messages and for the README.</summary>
    public string Configuration { get; }

    public DirectoryInfo Folder { get; }

    public static async Task<NginxProcess> StartAsync(IReadOnlyList<Uri> upstreams, NginxOptions? options = null)
    {
        var nginx = TestServers.NginxPath;
        if (upstreams.Count == 0)
        {
            throw new ArgumentException("nginx needs at least one upstream.", nameof(upstreams));
        }

        // A port found free can be taken before nginx binds it; another try with another port covers that.
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("blog-nginx-");
            if (!OperatingSystem.IsWindows())
            {
                // Workers run as another user under root; nginx makes them owners of what it creates in here.
                File.SetUnixFileMode(folder.FullName, (UnixFileMode)Convert.ToInt32("755", 8));
            }

            var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
            var configuration = NginxConfiguration.Render(folder.FullName, baseAddress.Port, upstreams, options ?? new NginxOptions());
            var path = Path.Combine(folder.FullName, "nginx.conf");
            await File.WriteAllTextAsync(path, configuration);
            var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-p", folder.FullName + "/", "-c", path, "-e", Path.Combine(folder.FullName, "error.log") })
            {
                start.ArgumentList.Add(argument);
            }

            var server = new NginxProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {nginx}"), folder, baseAddress, configuration);
            try
            {
                await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(15));
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.process.HasExited && server.ErrorLog().Contains("Address already in use", StringComparison.Ordinal))
            {
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    public string ErrorLog() => ReadLog("error.log");

    /// <summary>One line a request: the request, its status, the instance that answered and its status, the cache's status.</summary>
    public string AccessLog() => ReadLog("access.log");

    /// <summary>The last lines of both logs and the configuration, for a failure message.</summary>
    public string Diagnostics(int lines = 40) =>
        $"nginx.conf:\n{Configuration}\naccess.log (tail):\n{Tail(AccessLog(), lines)}\nerror.log (tail):\n{Tail(ErrorLog(), lines)}";

    /// <summary>Fast shutdown (SIGTERM, as <c>nginx -s stop</c> sends), SIGKILL if it lingers; then the folder goes.</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, SignalTerminate);
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
            }
        }
        finally
        {
            process.Dispose();
            try
            {
                Folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A worker may still be closing a file; the folder is in the system's temporary directory.
            }
        }
    }

    private const int SignalTerminate = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:\n{await process.StandardError.ReadToEndAsync()}\n{Diagnostics()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on {BaseAddress} within {timeout.TotalSeconds} s:\n{Diagnostics()}");
    }

    private string ReadLog(string name)
    {
        var path = Path.Combine(Folder.FullName, name);
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        // nginx keeps the file open for writing.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
