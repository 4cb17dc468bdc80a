namespace Controller.Learning.Algorithms;

/// <summary>One-step temporal-difference targets for Q-learning.</summary>
public static class TdTargets
{
    /// <summary><c>y_b = r_b + γ·(1 − terminated_b)·Q'_b</c>, with <c>Q'_b</c> the next-state value the caller chose (max or double-DQN).</summary>
    public static void Compute(ReadOnlySpan<float> rewards, ReadOnlySpan<float> nextValues, ReadOnlySpan<bool> terminated, double gamma, Span<float> targets)
    {
        if (nextValues.Length != rewards.Length || terminated.Length != rewards.Length || targets.Length != rewards.Length)
        {
            throw new ArgumentException($"TD inputs disagree: {rewards.Length} rewards, {nextValues.Length} next values, {terminated.Length} flags, {targets.Length} targets.");
        }

        for (var b = 0; b < rewards.Length; b++)
        {
            targets[b] = (float)(rewards[b] + (terminated[b] ? 0.0 : gamma * nextValues[b]));
        }
    }
}
