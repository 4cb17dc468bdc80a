using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Controller.EdgeAgent.Runners;

/// <summary>An <see cref="IChatClient"/> for an OpenAI-compatible chat-completions endpoint (llama.cpp's server, vLLM, Ollama, a cloud provider).</summary>
public static class OpenAiCompatible
{
    /// <param name="endpoint">Base address including the API prefix, e.g. <c>http://127.0.0.1:8081/v1</c>.</param>
    /// <param name="apiKey">Bearer key; local servers accept any non-empty value.</param>
    /// <param name="http">Carries the requests; give it a <see cref="Probes.MeasuringHandler"/> to feed the network estimate.</param>
    public static IChatClient Create(Uri endpoint, string model, string apiKey, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            // The agent decides what to do about a failure (fall back, report); hidden retries would distort latency.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        return new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey), options).AsIChatClient();
    }
}
