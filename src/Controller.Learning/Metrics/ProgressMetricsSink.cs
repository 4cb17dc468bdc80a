namespace Controller.Learning.Metrics;

/// <summary>Reports the timestep of every metrics dump to a progress bar.</summary>
public sealed class ProgressMetricsSink(IProgress<long> progress) : IMetricsSink
{
    public void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters)
    {
    }

    public void Write(long timesteps, IReadOnlyDictionary<string, double> values) => progress.Report(timesteps);
}
