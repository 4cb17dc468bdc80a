namespace Controller.Training.OffPolicy.Gate;

/// <summary>The active policy's per-decision reward, which a candidate's lower bound must beat.</summary>
/// <param name="PolicyName">The active policy (name@version).</param>
/// <param name="RewardEstimate">Its estimated expected reward per decision.</param>
/// <param name="Source">Where the figure comes from, e.g. "on-policy mean of 12,000 logged decisions".</param>
public sealed record ActivePolicyValue(string PolicyName, double RewardEstimate, string Source)
{
    /// <summary>
    /// The active policy's value from its own logged decisions: the plain mean reward of the records it made. The logs
    /// are on-policy for it (its exploration included), so every importance weight would be 1 and IPS is this mean.
    /// </summary>
    public static ActivePolicyValue FromOwnLogs(IReadOnlyList<LoggedDecision> logs, string policyName, string policyVersion)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var own = logs.Where(d => d is not null && d.PolicyName == policyName && d.PolicyVersion == policyVersion).ToArray();
        if (own.Length == 0)
        {
            throw new OffPolicyInputException($"no logged decision was made by {policyName}@{policyVersion}: its value cannot be read from these logs");
        }

        var bad = Array.FindIndex(own, d => !double.IsFinite(d.Reward));
        if (bad >= 0)
        {
            throw new OffPolicyInputException($"a decision logged by {policyName}@{policyVersion} has reward {own[bad].Reward}");
        }

        return new ActivePolicyValue($"{policyName}@{policyVersion}", own.Average(d => d.Reward), $"on-policy mean reward of its {own.Length} logged decisions");
    }
}
