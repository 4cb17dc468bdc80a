using Controller.Learning.Algorithms;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

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
/// <param name="Backend">Where the updates run: <c>managed</c> or <c>torchsharp</c> (<see cref="LearnerCatalog.BackendNames"/>).</param>
public sealed record TmoTrainingRequest(
    TmoDataset Dataset,
    LearnerKind Algorithm,
    TmoDeviceProfile Device,
    TmoNetworkProfile Network,
    TmoEnvironmentOptions Options,
    long Steps,
    int Seed,
    string OutputRoot,
    string Name,
    string Backend = LearnerCatalog.ManagedBackendName);
