using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>TMO's Random baseline: local with probability 0.5, else a uniformly random cloud action.</summary>
public sealed class RandomPolicy(int seed) : StatelessPolicy
{
    private readonly Random _random = new(seed);

    public override string Name => "Random";

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) =>
        _random.NextDouble() < 0.5 ? ModalityActionSpace.Local : UniformCloudAction(_random, mask);
}
