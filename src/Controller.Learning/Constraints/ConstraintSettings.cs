namespace Controller.Learning.Constraints;

/// <summary>
/// The resource-constrained part of training. With no budgets a learner is the plain algorithm; with budgets it is the
/// RC form: Lagrange multipliers per constraint, updated after each rollout by projected dual ascent
/// <c>λ ← clip(λ + lr·(c̄ − budget), 0, MaxMultiplier)</c>, or by a PID controller when <see cref="Pid"/> is set.
/// </summary>
/// <param name="Budgets">One entry per constrained cost.</param>
/// <param name="MultiplierLearningRate">Dual-ascent step size per unit of budget violation. Default 0.05: this project's
/// choice (OmniSafe's PPO-Lag uses 0.035 for episode costs of ~25; our costs are normalised to budgets of order 1).</param>
/// <param name="InitialMultiplier">λ at the start. Default 0 (OmniSafe's default <c>lagrangian_multiplier_init</c> is 0.001).</param>
/// <param name="MaxMultiplier">Upper clip on λ so one bad estimate cannot swamp the reward. Default 100: this project's choice.</param>
/// <param name="Pid">PID-Lagrangian gains instead of plain dual ascent; null (default) for dual ascent.</param>
public sealed record ConstraintSettings(
    IReadOnlyList<ConstraintBudget> Budgets,
    double MultiplierLearningRate = 0.05,
    double InitialMultiplier = 0.0,
    double MaxMultiplier = 100.0,
    PidGains? Pid = null)
{
    /// <summary>No constraints: the unconstrained algorithm.</summary>
    public static ConstraintSettings None { get; } = new([]);
}
