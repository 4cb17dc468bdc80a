using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Controller.EdgeAgent.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Controller.EdgeAgent.Tests.Runners;

/// <summary>
/// A server speaking OpenAI's chat-completions wire format on loopback: <c>POST /v1/chat/completions</c> with
/// <c>stream: true</c> answers <c>text/event-stream</c> chunks (<c>chat.completion.chunk</c>, a final chunk with
/// <c>finish_reason</c>, a usage chunk when <see cref="ReportUsage"/>, then <c>data: [DONE]</c>), pausing
/// <see cref="FirstTokenDelay"/> before the first chunk and <see cref="TokenDelay"/> between chunks. It keeps the
/// request bodies it received.
/// </summary>
internal sealed class ChatCompletionsServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    public IReadOnlyList<string> Tokens { get; init; } = ["Hello", ",", " edge", " world"];

    public TimeSpan FirstTokenDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeSpan TokenDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    public bool ReportUsage { get; init; } = true;

    public int StatusCode { get; init; } = 200;

    public List<JsonNode> Requests { get; } = [];

    public Uri Endpoint => new(_server.Address, "v1/");

    public async Task<ChatCompletionsServer> StartAsync()
    {
        _server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", HandleAsync));
        return this;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        lock (Requests)
        {
            Requests.Add(body!);
        }

        if (StatusCode != 200)
        {
            context.Response.StatusCode = StatusCode;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "model overloaded", type = "server_error" } });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await Task.Delay(FirstTokenDelay);
        for (var i = 0; i < Tokens.Count; i++)
        {
            var delta = i == 0 ? new JsonObject { ["role"] = "assistant", ["content"] = Tokens[i] } : new JsonObject { ["content"] = Tokens[i] };
            await SendAsync(context, Chunk(delta, finish: null));
            await Task.Delay(TokenDelay);
        }

        await SendAsync(context, Chunk(new JsonObject(), finish: "stop"));
        if (ReportUsage)
        {
            var usage = Chunk(null, null);
            usage["choices"] = new JsonArray();
            usage["usage"] = new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = Tokens.Count, ["total_tokens"] = 42 + Tokens.Count };
            await SendAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(JsonObject? delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_764_720_000,
        ["model"] = "tiny-test",
        ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task SendAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }
}
