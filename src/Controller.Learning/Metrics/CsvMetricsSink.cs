using System.Globalization;

namespace Controller.Learning.Metrics;

/// <summary>
/// Long-format CSV (<c>timesteps,key,value</c>), so keys that appear mid-run need no rewrite of earlier rows.
/// Hyperparameters are rows with timesteps 0 and keys <c>hyperparameters/NAME</c>.
/// </summary>
public sealed class CsvMetricsSink : IMetricsSink
{
    private readonly TextWriter _writer;

    public CsvMetricsSink(TextWriter writer)
    {
        _writer = writer;
        _writer.WriteLine("timesteps,key,value");
    }

    public void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters)
    {
        _writer.WriteLine($"0,hyperparameters/algorithm,{Quote(algorithm)}");
        foreach (var (key, value) in hyperparameters)
        {
            _writer.WriteLine($"0,hyperparameters/{key},{Quote(value)}");
        }

        _writer.Flush();
    }

    public void Write(long timesteps, IReadOnlyDictionary<string, double> values)
    {
        foreach (var (key, value) in values)
        {
            _writer.WriteLine($"{timesteps.ToString(CultureInfo.InvariantCulture)},{Quote(key)},{value.ToString("R", CultureInfo.InvariantCulture)}");
        }

        _writer.Flush();
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
