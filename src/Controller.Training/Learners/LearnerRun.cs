using System.Diagnostics;
using Controller.Learning.Algorithms;
using Controller.Learning.Metrics;
using Controller.Learning.Policies;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Learners;

/// <summary>
/// Runs the learner an <see cref="TmoAlgorithm"/> names on a prepared <see cref="TrainingSetup"/> and packs the
/// result as a policy bundle; shared by the TMO and edge–cloud trainers, which differ only in their setup.
/// </summary>
public static class LearnerRun
{
    /// <summary>File name of the learning curve inside the bundle directory.</summary>
    public const string LearningCurveFile = "learning_curve.csv";

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
        TmoAlgorithm algorithm, TrainingSetup setup, StringWriter curve, long steps, int seed, string name, string dataset, string outputRoot,
        PpoHyperparameters? ppo = null, A2cHyperparameters? a2c = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (summary, bundle) = Learn(algorithm, setup, steps, seed, name, TmoTrainingRequest.VersionFor(seed), dataset, ppo, a2c, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var directory = PolicyBundleStore.Save(outputRoot, bundle);
        var curvePath = Path.Combine(directory, LearningCurveFile);
        File.WriteAllText(curvePath, curve.ToString());
        return new TrainingOutcome(directory, curvePath, summary.Timesteps, summary.MeanEpisodeReturn, summary.Multipliers, seconds, cpuSeconds);
    }

    /// <summary>Trains for <paramref name="steps"/> and returns the summary and the bundle to save.</summary>
    /// <param name="ppo">PPO hyperparameters (RC-PPO too); null for the documented defaults.</param>
    /// <param name="a2c">A2C hyperparameters (RC-A2C too); null for the documented defaults.</param>
    public static (TrainingSummary Summary, PolicyBundle Bundle) Learn(
        TmoAlgorithm algorithm, TrainingSetup setup, long steps, int seed, string name, string version, string dataset,
        PpoHyperparameters? ppo = null, A2cHyperparameters? a2c = null, CancellationToken cancellationToken = default)
    {
        switch (algorithm.Family)
        {
            case "ppo":
            {
                var learner = new Ppo(setup, ppo);
                var summary = learner.Learn(steps, cancellationToken);
                return (summary, PolicyBundle.From(learner, name, version, summary, seed, dataset));
            }

            case "a2c":
            {
                var learner = new A2c(setup, a2c);
                var summary = learner.Learn(steps, cancellationToken);
                return (summary, PolicyBundle.From(learner, name, version, summary, seed, dataset));
            }

            default:
            {
                // The replay buffer never needs more room than the run has steps (SB3's 1e6 would waste memory here).
                var hyperparameters = new DqnHyperparameters(BufferSize: (int)Math.Min(new DqnHyperparameters().BufferSize, Math.Max(steps, 1000)));
                var learner = new Dqn(setup, hyperparameters);
                var summary = learner.Learn(steps, cancellationToken);
                return (summary, PolicyBundle.From(learner, name, version, summary, seed, dataset));
            }
        }
    }
}

/// <summary>Reports the timestep of every metrics dump to a progress bar.</summary>
public sealed class ProgressMetricsSink(IProgress<long> progress) : IMetricsSink
{
    public void WriteHyperparameters(string algorithm, IReadOnlyDictionary<string, string> hyperparameters)
    {
    }

    public void Write(long timesteps, IReadOnlyDictionary<string, double> values) => progress.Report(timesteps);
}
