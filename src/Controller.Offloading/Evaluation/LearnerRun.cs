using Controller.Learning.Algorithms;
using Controller.Learning.Metrics;
using Controller.Learning.Policies;

namespace Controller.Offloading.Evaluation;

/// <summary>
/// Runs the learner an <see cref="TmoAlgorithm"/> names on a prepared <see cref="TrainingSetup"/> and packs the
/// result as a policy bundle; shared by the TMO and edge–cloud trainers, which differ only in their setup.
/// </summary>
public static class LearnerRun
{
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
