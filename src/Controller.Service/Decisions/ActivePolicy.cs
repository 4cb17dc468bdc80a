using Controller.Offloading.Placement;
using Controller.Service.Metrics;
using Controller.Service.Policies;

namespace Controller.Service.Decisions;

/// <summary>
/// The policy answering placement requests right now. Swapped atomically on activation so in-flight
/// decisions finish on the policy they started with. Requests that arrive while the controller is
/// still starting (consumers can start before the first activation) wait for it instead of failing.
/// Every activation also shows the new policy's Lagrange multipliers on <c>/metrics</c> (none for a rule).
/// </summary>
/// <param name="metrics">Where the multipliers are shown; null where no operator metrics are kept (tests, tools).</param>
public sealed class ActivePolicy(OperatorMetrics? metrics = null)
{
    private readonly TaskCompletionSource _firstActivation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPlacementPolicy? _current;

    public bool IsActive => Volatile.Read(ref _current) is not null;

    /// <summary>The active policy, waiting for the first activation if there has been none yet.</summary>
    public async ValueTask<IPlacementPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        await _firstActivation.Task.WaitAsync(cancellationToken);
        return Volatile.Read(ref _current)!;
    }

    /// <summary>The active policy; throws when none has been activated yet.</summary>
    public IPlacementPolicy Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("No placement policy has been activated yet; the controller is still starting.");

    /// <summary>Makes <paramref name="policy"/> current and returns the one it replaced, if any.</summary>
    public IPlacementPolicy? Activate(IPlacementPolicy policy)
    {
        var previous = Interlocked.Exchange(ref _current, policy);
        if (policy is LearnedPlacementPolicy learned)
        {
            metrics?.ShowActivePolicy(learned.Manifest);
        }
        else
        {
            metrics?.ClearActivePolicy();
        }

        _firstActivation.TrySetResult();
        return previous;
    }
}
