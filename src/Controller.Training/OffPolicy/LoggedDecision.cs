namespace Controller.Training.OffPolicy;

/// <summary>
/// One logged decision with its joined outcome, as off-policy evaluation reads it. The context is the raw observation
/// the decision was made from (the same encoding a learned policy takes), the mask the actions that were feasible then.
/// </summary>
/// <param name="Context">Context features (the policy's raw observation); the same length in every record of one log.</param>
/// <param name="ActionMask">Which actions were allowed when the decision was made; its length is the action count.</param>
/// <param name="Action">Index of the action the logging policy took; allowed by <paramref name="ActionMask"/>.</param>
/// <param name="Propensity">Probability with which the logging policy took <paramref name="Action"/>, in (0, 1].</param>
/// <param name="Reward">The decision's reward, as the policy's objective defines it.</param>
/// <param name="Costs">One figure per constrained cost of this decision, in the order of <see cref="OffPolicyOptions.CostNames"/>
/// (by default energy J, cloud US$, latency ms).</param>
/// <param name="PolicyName">Name of the policy that made the decision (e.g. <c>baseline-greedy</c>).</param>
/// <param name="PolicyVersion">Version of that policy.</param>
public sealed record LoggedDecision(
    float[] Context,
    bool[] ActionMask,
    int Action,
    double Propensity,
    double Reward,
    double[] Costs,
    string PolicyName,
    string PolicyVersion);
