using Controller.Offloading.Placement;

namespace Controller.Service.Decisions;

/// <summary>
/// The policy answering placement requests right now. Swapped atomically on activation so in-flight
/// decisions finish on the policy they started with.
/// </summary>
public sealed class ActivePolicy
{
    private IPlacementPolicy? _current;

    public IPlacementPolicy Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("No placement policy has been activated yet; the controller is still starting.");

    public bool IsActive => Volatile.Read(ref _current) is not null;

    /// <summary>Makes <paramref name="policy"/> current and returns the one it replaced, if any.</summary>
    public IPlacementPolicy? Activate(IPlacementPolicy policy) => Interlocked.Exchange(ref _current, policy);
}
