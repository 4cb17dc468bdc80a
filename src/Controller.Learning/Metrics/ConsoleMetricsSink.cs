namespace Controller.Learning.Metrics;

/// <summary>Writes each dump as a two-column table (SB3's console layout) to a <see cref="TextWriter"/>.</summary>
public sealed class ConsoleMetricsSink(TextWriter writer) : IMetricsSink
{
    public void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters)
    {
        writer.WriteLine($"{algorithm} hyperparameters:");
        foreach (var (key, value) in hyperparameters)
        {
            writer.WriteLine($"  {key} = {value}");
        }
    }

    public void Write(long timesteps, IReadOnlyDictionary<string, double> values)
    {
        var rows = values.Select(kv => (kv.Key, Value: MetricsLogger.Format(kv.Value))).Prepend(("time/total_timesteps", timesteps.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var keyWidth = rows.Max(r => r.Item1.Length);
        var valueWidth = rows.Max(r => r.Item2.Length);
        var rule = new string('-', keyWidth + valueWidth + 7);
        writer.WriteLine(rule);
        foreach (var (key, value) in rows)
        {
            writer.WriteLine($"| {key.PadRight(keyWidth)} | {value.PadLeft(valueWidth)} |");
        }

        writer.WriteLine(rule);
        writer.Flush();
    }
}
