using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Controller.EdgeAgent.Runners;

/// <summary>
/// Runs a prompt on any <see cref="IChatClient"/> — an OpenAI-compatible server (<see cref="OpenAiCompatible"/>), or
/// any other implementation — streaming, and measures what the outcome report needs: time to first token, total
/// latency, token counts (the server's usage report when it sends one, else counted updates) and cost.
/// </summary>
public sealed class ChatModelRunner(IChatClient client, string description, ModelPrice price)
{
    /// <summary>Where the runner sends its requests, for error messages (model and endpoint).</summary>
    public string Description { get; } = description;

    /// <exception cref="ModelRunnerException">The call failed; the message names <see cref="Description"/>.</exception>
    public async Task<ModelRunResult> RunAsync(string prompt, IReadOnlyList<ModelImage> images, int maxOutputTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputTokens, 1);
        var contents = new List<AIContent> { new TextContent(prompt) };
        contents.AddRange(images.Select(i => new DataContent(i.Bytes, i.MediaType) { Name = i.ModalityId }));
        var messages = new[] { new ChatMessage(ChatRole.User, contents) };
        var options = new ChatOptions { MaxOutputTokens = maxOutputTokens };

        var text = new System.Text.StringBuilder();
        var started = Stopwatch.GetTimestamp();
        double? firstTokenMs = null;
        long updates = 0;
        UsageDetails? usage = null;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                var delta = update.Text;
                if (!string.IsNullOrEmpty(delta))
                {
                    firstTokenMs ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    updates++;
                    text.Append(delta);
                }

                foreach (var content in update.Contents.OfType<UsageContent>())
                {
                    usage = content.Details;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ModelRunnerException($"{Description}: {ex.GetType().Name}: {ex.Message}", ex);
        }

        var totalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var output = usage?.OutputTokenCount ?? updates;
        return new ModelRunResult(
            text.ToString(),
            firstTokenMs ?? totalMs,
            totalMs,
            usage?.InputTokenCount,
            output,
            usage?.OutputTokenCount is not null,
            price.CostUsd(usage?.InputTokenCount ?? 0, output),
            images.Select(i => i.ModalityId).ToList());
    }
}
