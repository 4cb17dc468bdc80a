namespace Controller.Learning.Backends;

/// <summary>One network's forward pass on a backend, one observation per call (what serving a decision costs there).</summary>
public interface IPolicyForward
{
    /// <summary>Writes the network's outputs for one <paramref name="observation"/> into <paramref name="output"/>.</summary>
    void Forward(ReadOnlySpan<float> observation, Span<float> output);
}
