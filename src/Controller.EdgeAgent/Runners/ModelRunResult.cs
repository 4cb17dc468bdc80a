namespace Controller.EdgeAgent.Runners;

/// <summary>What one model call produced and cost, measured by the agent.</summary>
/// <param name="TimeToFirstTokenMs">From sending the request to the first text of the stream.</param>
/// <param name="TotalLatencyMs">From sending the request to the end of the stream.</param>
/// <param name="InputTokens">Prompt tokens as the server reported them; null when it reported no usage.</param>
/// <param name="OutputTokens">Output tokens as reported, or else the number of streamed text updates (one token each on llama.cpp, vLLM and OpenAI servers).</param>
/// <param name="OutputTokensReported">True when <paramref name="OutputTokens"/> is the server's count.</param>
/// <param name="CostUsd">From the reported (or counted) tokens and the model's price.</param>
/// <param name="ImagesAttached">Ids of the modalities sent with the prompt.</param>
public sealed record ModelRunResult(
    string Text,
    double TimeToFirstTokenMs,
    double TotalLatencyMs,
    long? InputTokens,
    long OutputTokens,
    bool OutputTokensReported,
    double CostUsd,
    IReadOnlyList<string> ImagesAttached);
