namespace Controller.Offloading.Placement;

/// <summary>A policy the service's decision path calls to decide where each live request runs.</summary>
/// <remarks>Implementations are thread-safe and allocate little per call.</remarks>
public interface IPlacementPolicy
{
    /// <summary>Policy name as logged with every decision, e.g. <c>baseline-greedy</c>.</summary>
    string Name { get; }

    /// <summary>Version of this policy's parameters or weights.</summary>
    string Version { get; }

    /// <summary>Algorithm or rule family, e.g. <c>baseline-greedy</c>, <c>rc-ppo</c>.</summary>
    string Algorithm { get; }

    /// <summary>Chooses an action for <paramref name="context"/>; all randomness comes from <paramref name="random"/>.</summary>
    PlacementChoice Decide(PlacementContext context, Random random);
}
