using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>TMO's Cloud baseline: a uniformly random cloud action (any modality subset) every turn.</summary>
public sealed class CloudPolicy(int seed) : StatelessPolicy
{
    private readonly Random _random = new(seed);

    public override string Name => "Cloud";

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) => UniformCloudAction(_random, mask);
}
