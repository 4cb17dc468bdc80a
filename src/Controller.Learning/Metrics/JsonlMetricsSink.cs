using System.Text.Json;

namespace Controller.Learning.Metrics;

/// <summary>
/// One JSON object per line: first <c>{"type":"hyperparameters","algorithm":…,"values":{…}}</c>, then per dump
/// <c>{"type":"metrics","timesteps":N,"values":{"train/policy_loss":…}}</c>.
/// </summary>
public sealed class JsonlMetricsSink(TextWriter writer) : IMetricsSink
{
    public void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters)
    {
        writer.WriteLine(JsonSerializer.Serialize(new { type = "hyperparameters", algorithm, values = hyperparameters }));
        writer.Flush();
    }

    public void Write(long timesteps, IReadOnlyDictionary<string, double> values)
    {
        // JSON has no NaN or infinity; such values become null rather than breaking the line.
        var finite = values.ToDictionary(kv => kv.Key, kv => double.IsFinite(kv.Value) ? kv.Value : (double?)null);
        writer.WriteLine(JsonSerializer.Serialize(new { type = "metrics", timesteps, values = finite }));
        writer.Flush();
    }
}
