using System.Diagnostics;
using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Metrics;
using Controller.Learning.Policies;

namespace Controller.Training.Learners;

/// <summary>
/// Builds the learner a <see cref="LearnerKind"/> names (<see cref="LearnerCatalog"/>) on a prepared
/// <see cref="TrainingSetup"/>, trains it and packs the result as a policy bundle; shared by the TMO and edge–cloud
/// trainers, which differ only in their setup.
/// </summary>
public static class LearnerRun
{
    /// <summary>File name of the learning curve inside the bundle directory.</summary>
    public const string LearningCurveFile = "learning_curve.csv";

    /// <summary>Version directory name of the bundle trained with <paramref name="seed"/>: <c>seed-N</c>.</summary>
    public static string VersionFor(int seed) => $"seed-{seed}";

    /// <summary>Metrics for a trainer's setup: the learning curve as CSV into <paramref name="curve"/>, and the timestep to <paramref name="progress"/> at every dump.</summary>
    public static MetricsLogger CurveLogger(StringWriter curve, IProgress<long>? progress)
    {
        var sinks = new List<IMetricsSink> { new CsvMetricsSink(curve) };
        if (progress is not null)
        {
            sinks.Add(new ProgressMetricsSink(progress));
        }

        return new MetricsLogger([.. sinks]);
    }

    /// <summary>
    /// Learns (<see cref="Learn"/>), saves the bundle as <c>outputRoot/name/seed-N</c> with the learning curve the setup
    /// wrote to <paramref name="curve"/> (<see cref="CurveLogger"/>), and times the learning alone: wall and this
    /// process's processor time, the run's cost on a shared machine.
    /// </summary>
    public static TrainingOutcome LearnAndSave(
        LearnerKind kind, TrainingSetup setup, StringWriter curve, long steps, int seed, string name, string dataset, string outputRoot,
        LearnerHyperparameters? hyperparameters = null, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, JsonElement>? problem = null, string backend = LearnerCatalog.ManagedBackendName)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (summary, bundle) = Learn(kind, setup, steps, seed, name, VersionFor(seed), dataset, hyperparameters, cancellationToken, backend);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        if (problem is not null)
        {
            bundle = bundle with { Manifest = bundle.Manifest with { Problem = problem } };
        }

        var directory = PolicyBundleStore.Save(outputRoot, bundle);
        var curvePath = Path.Combine(directory, LearningCurveFile);
        File.WriteAllText(curvePath, curve.ToString());
        return new TrainingOutcome(directory, curvePath, summary.Timesteps, summary.MeanEpisodeReturn, summary.Multipliers, seconds, cpuSeconds);
    }

    /// <summary>Trains for <paramref name="steps"/> and returns the summary and the bundle to save.</summary>
    /// <param name="hyperparameters">Per-family overrides; null for the documented defaults.</param>
    /// <param name="backend">Where the updates run (<see cref="LearnerCatalog.BackendNames"/>); the bundle is the same format either way.</param>
    public static (TrainingSummary Summary, PolicyBundle Bundle) Learn(
        LearnerKind kind, TrainingSetup setup, long steps, int seed, string name, string version, string dataset,
        LearnerHyperparameters? hyperparameters = null, CancellationToken cancellationToken = default, string backend = LearnerCatalog.ManagedBackendName)
    {
        var learner = LearnerCatalog.Create(kind, setup, steps, hyperparameters, backend);
        var summary = learner.Learn(steps, cancellationToken);
        return (summary, PolicyBundle.From(learner, name, version, summary, seed, dataset));
    }
}
