namespace Controller.Service.Policies;

/// <summary>
/// Decides whether a candidate may go to canary or active. <c>controller policy canary|promote</c> and
/// <see cref="PolicyRegistry"/> ask it before every such move; a refusal stops the move unless an operator overrides it
/// (recorded as such in the history). The off-policy-evaluation gate (reward lower bound above the active policy's
/// estimate, every cost's upper bound within its budget) implements this interface.
/// </summary>
public interface IPromotionGate
{
    Task<PromotionVerdict> EvaluateAsync(PromotionRequest request, CancellationToken cancellationToken);
}
