namespace Controller.Learning.Policies;

/// <summary>An action and the probability with which the policy chose it (its propensity for off-policy evaluation).</summary>
/// <param name="Action">Flattened action index; always allowed by the mask it was chosen under.</param>
/// <param name="Probability">Probability of this choice: π(a|s) when sampled, 1 when chosen greedily.</param>
public readonly record struct PolicyDecision(int Action, float Probability);
