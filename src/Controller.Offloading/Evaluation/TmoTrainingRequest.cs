using Controller.Offloading.Tmo;

namespace Controller.Offloading.Evaluation;

/// <summary>One training run on a TMO dataset.</summary>
/// <param name="Dataset">The dataset; the policy trains on the seed's 80% split.</param>
/// <param name="Algorithm">The learner.</param>
/// <param name="Device">Device running the local LLM.</param>
/// <param name="Network">Network to the cloud.</param>
/// <param name="Options">Budgets, reward, observation, history and masking of the training environment.</param>
/// <param name="Steps">Environment steps (TMO: 30,000).</param>
/// <param name="Seed">Seeds the split, the network and the environment.</param>
/// <param name="OutputRoot">Bundle root; the bundle goes to <c>OutputRoot/Name/seed-Seed</c>.</param>
/// <param name="Name">Policy name.</param>
public sealed record TmoTrainingRequest(
    TmoDataset Dataset,
    TmoAlgorithm Algorithm,
    TmoDeviceProfile Device,
    TmoNetworkProfile Network,
    TmoEnvironmentOptions Options,
    long Steps,
    int Seed,
    string OutputRoot,
    string Name)
{
    /// <summary>Version directory name of the bundle for <paramref name="seed"/>.</summary>
    public static string VersionFor(int seed) => $"seed-{seed}";
}

/// <summary>What a training run produced.</summary>
/// <param name="BundleDirectory">Directory of the saved policy bundle.</param>
/// <param name="LearningCurveFile">CSV of the training metrics (<c>rollout/episode_reward</c> by timestep).</param>
/// <param name="Timesteps">Steps taken.</param>
/// <param name="MeanEpisodeReturn">Mean return of the last episodes.</param>
/// <param name="Multipliers">Final Lagrange multipliers per cost (empty for plain algorithms).</param>
/// <param name="TrainSeconds">Wall time of learning alone (no I/O), seconds.</param>
/// <param name="TrainCpuSeconds">Processor time the process spent learning (all threads), seconds: the run's cost on a shared machine.</param>
public sealed record TmoTrainingOutcome(
    string BundleDirectory,
    string LearningCurveFile,
    long Timesteps,
    double MeanEpisodeReturn,
    IReadOnlyDictionary<string, double> Multipliers,
    double TrainSeconds,
    double TrainCpuSeconds);
