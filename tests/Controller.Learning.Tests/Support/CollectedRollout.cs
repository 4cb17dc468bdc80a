namespace Controller.Learning.Tests.Support;

/// <summary>The on-policy collector's convention for episode ends, for tests that hand GAE a rollout of their own.</summary>
internal static class CollectedRollout
{
    /// <summary>
    /// What the on-policy collector hands GAE: a truncated step's reward gains γ·V(terminal observation) and every
    /// episode end, terminated or truncated, is a done.
    /// </summary>
    public static (float[] Rewards, bool[] Dones) Bootstrap(float[] rewards, bool[] terminated, bool[] truncated, float[] terminalValues, double gamma)
    {
        var bootstrapped = rewards.Select((r, i) => truncated[i] && !terminated[i] ? (float)(r + (gamma * terminalValues[i])) : r).ToArray();
        var dones = terminated.Select((t, i) => t || truncated[i]).ToArray();
        return (bootstrapped, dones);
    }
}
