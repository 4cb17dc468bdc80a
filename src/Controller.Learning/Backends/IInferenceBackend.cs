using Controller.Learning.Nn;

namespace Controller.Learning.Backends;

/// <summary>
/// A backend that can also run a network's forward pass on its own (the benchmarks compare per-call forward across
/// backends). Serving itself always uses the managed <see cref="Policies.Policy"/>: it allocates nothing per decision.
/// </summary>
public interface IInferenceBackend
{
    /// <summary>A forward pass of a copy of <paramref name="network"/>'s current weights.</summary>
    IPolicyForward CreateForward(Mlp network);
}
