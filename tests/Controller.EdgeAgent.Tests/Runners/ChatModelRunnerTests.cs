using System.Text.Json.Nodes;
using Controller.EdgeAgent.Probes;
using Controller.EdgeAgent.Runners;

namespace Controller.EdgeAgent.Tests.Runners;

public sealed class ChatModelRunnerTests
{
    private static readonly ModelPrice Price = new(UsdPerMillionInputTokens: 1.0, UsdPerMillionOutputTokens: 4.0);

    private static ChatModelRunner Runner(ChatCompletionsServer server, NetworkEstimator? estimator = null)
    {
        var http = new HttpClient(new MeasuringHandler(estimator ?? new NetworkEstimator()) { InnerHandler = new SocketsHttpHandler() });
        return new ChatModelRunner(OpenAiCompatible.Create(server.Endpoint, "tiny-test", "test-key", http), $"tiny-test at {server.Endpoint}", Price);
    }

    [Fact]
    public async Task Run_StreamingServer_MeasuresFirstTokenLatencyTokensAndCost()
    {
        await using var server = await new ChatCompletionsServer().StartAsync();
        var estimator = new NetworkEstimator();

        var result = await Runner(server, estimator).RunAsync("Describe the room.", [], maxOutputTokens: 64, CancellationToken.None);

        Assert.Equal("Hello, edge world", result.Text);
        // The server waited 150 ms before the first chunk and 20 ms after each of 4: both are lower bounds.
        Assert.InRange(result.TimeToFirstTokenMs, server.FirstTokenDelay.TotalMilliseconds, 30_000);
        Assert.InRange(result.TotalLatencyMs, result.TimeToFirstTokenMs + (3 * server.TokenDelay.TotalMilliseconds), 30_000);
        Assert.Equal(42, result.InputTokens);
        Assert.Equal(4, result.OutputTokens);
        Assert.True(result.OutputTokensReported);
        Assert.Equal(((42 * 1.0) + (4 * 4.0)) / 1e6, result.CostUsd, 12);
        var request = Assert.Single(server.Requests);
        Assert.True(request["stream"]!.GetValue<bool>());
        Assert.Equal("tiny-test", request["model"]!.GetValue<string>());
        Assert.NotNull(estimator.Current.RttMs);
    }

    [Fact]
    public async Task Run_WithSelectedModalities_AttachedAsImageParts()
    {
        await using var server = await new ChatCompletionsServer().StartAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var images = new[] { new ModelImage("cam-side", png, "image/png"), new ModelImage("cam-overhead", png, "image/jpeg") };

        var result = await Runner(server).RunAsync("What is on the table?", images, 16, CancellationToken.None);

        Assert.Equal(["cam-side", "cam-overhead"], result.ImagesAttached);
        var content = Assert.Single(server.Requests)["messages"]!.AsArray().Single()!["content"]!.AsArray();
        var parts = content.Select(p => p!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["text", "image_url", "image_url"], parts);
        var urls = content.Skip(1).Select(p => p!["image_url"]!["url"]!.GetValue<string>()).ToList();
        Assert.Equal($"data:image/png;base64,{Convert.ToBase64String(png)}", urls[0]);
        Assert.StartsWith("data:image/jpeg;base64,", urls[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerReportsNoUsage_CountsStreamedUpdatesAndSaysSo()
    {
        await using var server = await new ChatCompletionsServer { ReportUsage = false, Tokens = ["a", "b", "c"] }.StartAsync();

        var result = await Runner(server).RunAsync("x", [], 8, CancellationToken.None);

        Assert.Equal(3, result.OutputTokens);
        Assert.False(result.OutputTokensReported);
        Assert.Null(result.InputTokens);
        Assert.Equal(3 * 4.0 / 1e6, result.CostUsd, 12);
    }

    [Fact]
    public async Task Run_ServerError_ThrowsNamingTheModelAndEndpoint()
    {
        await using var server = await new ChatCompletionsServer { StatusCode = 503 }.StartAsync();

        var error = await Assert.ThrowsAsync<ModelRunnerException>(() => Runner(server).RunAsync("x", [], 8, CancellationToken.None));

        Assert.Contains($"tiny-test at {server.Endpoint}", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingListening_ThrowsNamingTheEndpoint()
    {
        Uri endpoint;
        await using (var server = await new ChatCompletionsServer().StartAsync())
        {
            endpoint = server.Endpoint;
        }

        var runner = new ChatModelRunner(OpenAiCompatible.Create(endpoint, "gone", "k", new HttpClient()), $"gone at {endpoint}", Price);

        var error = await Assert.ThrowsAsync<ModelRunnerException>(() => runner.RunAsync("x", [], 8, CancellationToken.None));

        Assert.Contains($"gone at {endpoint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MaxOutputTokensBelowOne_ThrowsNamingIt()
    {
        await using var server = await new ChatCompletionsServer().StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Runner(server).RunAsync("x", [], 0, CancellationToken.None));

        Assert.Equal("maxOutputTokens", error.ParamName);
    }
}
