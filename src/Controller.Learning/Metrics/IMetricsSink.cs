namespace Controller.Learning.Metrics;

/// <summary>Where a <see cref="MetricsLogger"/> writes: console table, CSV, JSONL, or anything else.</summary>
public interface IMetricsSink
{
    /// <summary>Called once at run start with the algorithm name and every hyperparameter as display text.</summary>
    void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters);

    /// <summary>One dump: the values recorded since the last one, keyed <c>phase/name</c>, at <paramref name="timesteps"/> environment steps.</summary>
    void Write(long timesteps, IReadOnlyDictionary<string, double> values);
}
