namespace Controller.Training.Learners;

/// <summary>What a training run produced (TMO or edge–cloud).</summary>
/// <param name="BundleDirectory">Directory of the saved policy bundle.</param>
/// <param name="LearningCurveFile">CSV of the training metrics (<c>rollout/episode_reward</c> by timestep).</param>
/// <param name="Timesteps">Steps taken.</param>
/// <param name="MeanEpisodeReturn">Mean return of the last episodes.</param>
/// <param name="Multipliers">Final Lagrange multipliers per cost (empty for plain algorithms).</param>
/// <param name="TrainSeconds">Wall time of learning alone (no I/O), seconds.</param>
/// <param name="TrainCpuSeconds">Processor time the process spent learning (all threads), seconds: the run's cost on a shared machine.</param>
public sealed record TrainingOutcome(
    string BundleDirectory,
    string LearningCurveFile,
    long Timesteps,
    double MeanEpisodeReturn,
    IReadOnlyDictionary<string, double> Multipliers,
    double TrainSeconds,
    double TrainCpuSeconds);
