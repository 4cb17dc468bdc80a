using System.Globalization;
using System.Text.Json;

namespace Controller.Learning.Metrics;

/// <summary>
/// Collects <c>phase/name</c> metrics (<c>rollout/episode_reward</c>, <c>train/policy_loss</c>,
/// <c>constraint/latency_s_lambda</c>) and hands them to its sinks on <see cref="Dump"/>, like SB3's logger.
/// Recording the same key twice before a dump keeps the mean.
/// </summary>
public sealed class MetricsLogger
{
    private readonly IReadOnlyList<IMetricsSink> _sinks;
    private readonly Dictionary<string, (double Sum, int Count)> _pending = new(StringComparer.Ordinal);

    public MetricsLogger(params IMetricsSink[] sinks)
    {
        _sinks = sinks;
    }

    /// <summary>A logger with no sinks, for runs nobody watches.</summary>
    public static MetricsLogger Silent => new();

    /// <summary>Writes the hyperparameter record's public properties (JSON-formatted values) to every sink.</summary>
    public void LogHyperparameters<T>(string algorithm, T hyperparameters, IReadOnlyDictionary<string, string>? extra = null)
        where T : notnull
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties())
        {
            values[property.Name] = JsonSerializer.Serialize(property.GetValue(hyperparameters), property.PropertyType);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        foreach (var sink in _sinks)
        {
            sink.WriteHyperparameters(algorithm, values);
        }
    }

    /// <summary>Records a value under a <c>phase/name</c> key.</summary>
    public void Record(string key, double value)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"Metric key '{key}' must have the form phase/name.", nameof(key));
        }

        _pending[key] = _pending.TryGetValue(key, out var existing) ? (existing.Sum + value, existing.Count + 1) : (value, 1);
    }

    /// <summary>Sends the pending values (sorted by key) to every sink and clears them.</summary>
    public void Dump(long timesteps)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, (sum, count)) in _pending)
        {
            values[key] = sum / count;
        }

        _pending.Clear();
        foreach (var sink in _sinks)
        {
            sink.Write(timesteps, values);
        }
    }

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
