namespace Controller.Learning.Algorithms;

/// <summary>Generalised advantage estimation (Schulman et al. 2016) over a rollout laid out <c>[step, env]</c>.</summary>
public static class Gae
{
    /// <summary>
    /// Backwards over steps, per environment:
    /// <c>δ_t = r_t + γ·V_{t+1}·(1 − done_t) − V_t</c>, <c>A_t = δ_t + γλ·(1 − done_t)·A_{t+1}</c>, <c>R_t = A_t + V_t</c>,
    /// where <c>V_{T}</c> is <paramref name="lastValues"/> and <c>done_t</c> means the episode ended with step <c>t</c>.
    /// Truncated episodes should have <c>γ·V(terminal observation)</c> already added to their last reward.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones, ReadOnlySpan<float> lastValues,
        int envCount, double gamma, double lambda, Span<float> advantages, Span<float> returns)
    {
        var length = rewards.Length;
        if (envCount < 1 || length % envCount != 0 || values.Length != length || dones.Length != length
            || advantages.Length != length || returns.Length != length || lastValues.Length != envCount)
        {
            throw new ArgumentException($"GAE inputs disagree: {length} rewards, {values.Length} values, {dones.Length} dones, {lastValues.Length} last values for {envCount} environments.");
        }

        var steps = length / envCount;
        for (var e = 0; e < envCount; e++)
        {
            double nextAdvantage = 0;
            double nextValue = lastValues[e];
            for (var t = steps - 1; t >= 0; t--)
            {
                var i = (t * envCount) + e;
                var notDone = dones[i] ? 0.0 : 1.0;
                var delta = rewards[i] + (gamma * nextValue * notDone) - values[i];
                nextAdvantage = delta + (gamma * lambda * notDone * nextAdvantage);
                advantages[i] = (float)nextAdvantage;
                returns[i] = (float)(nextAdvantage + values[i]);
                nextValue = values[i];
            }
        }
    }
}
