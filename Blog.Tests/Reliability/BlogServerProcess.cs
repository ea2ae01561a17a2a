using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Blog.Tests.Reliability;

/// <summary>
/// The real service as a child process (<c>dotnet Blog.Api.dll</c>) on 127.0.0.1 and a free port, in Production,
/// on a given SQLite file, with rate limits off unless the caller's settings say otherwise; its console output is
/// kept for failure messages.
/// </summary>
public sealed class BlogServerProcess : IDisposable
{
    private const int MaxLinesKept = 20_000;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private BlogServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The CPU time (user and system) the child has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Blog.Api.dll from the Blog.Api project's own build output (same configuration and framework as this test
    /// assembly), else the copy the project reference puts beside the test assembly. Either directory holds the
    /// dll's runtimeconfig, deps and appsettings.json, so it is the content root.
    /// </summary>
    public static string LocateApiDll()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent?.Name ?? "Debug";
        var candidates = new List<string>();
        for (var directory = testDirectory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Blog.sln")))
            {
                candidates.Add(Path.Combine(directory.FullName, "Blog.Api", "bin", configuration, framework, "Blog.Api.dll"));
                break;
            }
        }

        candidates.Add(Path.Combine(testDirectory.FullName, "Blog.Api.dll"));
        var found = candidates.FirstOrDefault(candidate =>
            File.Exists(candidate)
            && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json"))
            && File.Exists(Path.Combine(Path.GetDirectoryName(candidate)!, "appsettings.json")));
        if (found is null)
        {
            Assert.Fail($"Blog.Api.dll (with its runtimeconfig.json and appsettings.json) was not found; build Blog.Api first. Looked at: {string.Join(", ", candidates)}");
        }

        return found!;
    }

    /// <summary>
    /// Starts the service and waits (bounded) until <c>/health</c> answers 200. It runs in its own folder unless
    /// <paramref name="workingDirectory"/> says otherwise; <paramref name="arguments"/> are added to its command line,
    /// and <paramref name="settings"/> are environment variables for it (<c>RateLimiting__Enabled</c>, …), over the defaults.
    /// </summary>
    public static async Task<BlogServerProcess> StartAsync(
        string apiDll, string databasePath, HttpClient http, TimeSpan startTimeout, string? workingDirectory = null, IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        // A port found free can be taken before the child binds it; a second try with another port covers that.
        for (var attempt = 1; ; attempt++)
        {
            var server = Start(apiDll, databasePath, FreeLoopbackPort(), workingDirectory ?? Path.GetDirectoryName(apiDll)!, arguments ?? [], settings ?? new Dictionary<string, string>());
            try
            {
                await server.WaitUntilHealthyAsync(http, startTimeout);
                return server;
            }
            catch (ServerStartException) when (attempt < 3 && server.HasExited && server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
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

    private static BlogServerProcess Start(
        string apiDll, string databasePath, int port, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(apiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Blog"] = $"Data Source={databasePath}";
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new BlogServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        if (!process.Start())
        {
            throw new ServerStartException($"Could not start {start.FileName} {string.Join(' ', start.ArgumentList)}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The dotnet host running this test, so the child gets the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > MaxLinesKept && output.TryDequeue(out _))
        {
        }
    }

    public string Output => string.Join('\n', output);

    /// <summary>The last lines the child wrote, for a failure message.</summary>
    public string OutputTail(int lines = 80) => string.Join('\n', output.TakeLast(lines));

    /// <summary>Every error the child logged, each with the lines (stack trace) that follow it.</summary>
    public string LoggedErrors()
    {
        var lines = output.ToArray();
        var errors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(" ERR]", StringComparison.Ordinal) || lines[i].Contains(" FTL]", StringComparison.Ordinal))
            {
                errors.AddRange(lines.Skip(i).Take(40));
            }
        }

        return string.Join('\n', errors);
    }

    private async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new ServerStartException($"Blog.Api exited with code {process.ExitCode} before it was healthy:\n{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new ServerStartException($"Blog.Api was not healthy within {timeout.TotalSeconds} s:\n{OutputTail()}");
    }

    /// <summary>SIGKILL (what Process.Kill sends on Linux): no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            throw new InvalidOperationException($"Blog.Api (pid {process.Id}) did not die within 15 s of SIGKILL.");
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return process.HasExited;
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>The child did not come up healthy; the message carries its output.</summary>
public sealed class ServerStartException(string message) : Exception(message);
