using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>TMO's Local baseline: always the local LLM.</summary>
public sealed class LocalPolicy : StatelessPolicy
{
    public override string Name => "Local";

    public override int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask) => ModalityActionSpace.Local;
}
