using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Controller.Contracts;
using Controller.Testing;
using Microsoft.Data.Sqlite;

namespace Controller.Cli.Tests;

/// <summary>
/// The decision log's guarantee against a real process: <c>controller serve</c> killed while 64 callers wait for
/// decisions loses no decision it answered.
/// </summary>
public sealed class ServeCrashTests : IDisposable
{
    private const int Callers = 64;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "controller-crash-tests", Guid.NewGuid().ToString("N"));

    public ServeCrashTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Serve_KilledWhileCallersWaitForDecisions_EveryAnsweredDecisionIsOnRecord()
    {
        var database = Path.Combine(_directory, "controller.db");
        var port = FreePort();
        using var process = StartServe(port, database);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync(http, process);

        var answered = new ConcurrentBag<PlacementDecided>();
        var unanswered = 0;
        var refusals = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("/v1/placements", TestMessages.Request($"device-{caller % 16}"), ContractJson.Options);
                    if (!response.IsSuccessStatusCode)
                    {
                        refusals.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        return;
                    }

                    answered.Add((await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!);
                }
                catch (HttpRequestException)
                {
                    // The process is gone: this request was sent and never answered.
                    Interlocked.Increment(ref unanswered);
                    return;
                }
            }
        })).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (answered.Count < 300 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Empty(refusals);
        Assert.True(answered.Count >= 300,
            $"only {answered.Count} decisions were answered within 60 s; {unanswered} callers lost the connection; {callers.FirstOrDefault(c => c.IsFaulted)?.Exception?.InnerException}");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        Assert.True(unanswered > 0, "the kill must land while requests were in flight");
        var recorded = ReadRecordedDecisions(database);
        var lost = answered.Where(d => !recorded.TryGetValue(d.DecisionId, out var requestId) || requestId != d.RequestId).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {answered.Count} answered decisions are not on record, e.g. {lost.FirstOrDefault()?.DecisionId}");
    }

    private static Process StartServe(int port, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "controller.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--connection-string", $"Data Source={database}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        // Drained so a chatty log never blocks the server on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"controller serve exited with code {(process.HasExited ? process.ExitCode : 0)} before it was healthy");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("controller serve was not healthy within 90 s");
    }

    private static Dictionary<Guid, Guid> ReadRecordedDecisions(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DecisionId, RequestId FROM Decisions";
        using var reader = command.ExecuteReader();
        var recorded = new Dictionary<Guid, Guid>();
        while (reader.Read())
        {
            recorded[Guid.Parse(reader.GetString(0))] = Guid.Parse(reader.GetString(1));
        }

        return recorded;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
