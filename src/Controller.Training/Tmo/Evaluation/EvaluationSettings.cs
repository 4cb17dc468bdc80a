using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>The protocol of one comparison.</summary>
/// <param name="Seeds">Split seeds; one 80/20 split and one fitted estimator per seed.</param>
/// <param name="Device">Device running the local LLM.</param>
/// <param name="Network">Network to the cloud LLM.</param>
/// <param name="Options">Budgets, reward weights and observation; masking is set per method.</param>
/// <param name="TestFraction">Share of dialogues held out per seed.</param>
public sealed record EvaluationSettings(
    IReadOnlyList<int> Seeds,
    TmoDeviceProfile Device,
    TmoNetworkProfile Network,
    TmoEnvironmentOptions Options,
    double TestFraction = DatasetSplit.DefaultTestFraction);
