namespace Controller.Offloading.Placement;

/// <summary>Decides where each request runs. Implementations are thread-safe and allocate little per call.</summary>
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
