namespace Controller.Service.Metrics;

/// <summary>
/// The bounded label a fallback is counted under on <c>/metrics</c>. The reason on record is free text (it names the field or
/// carries the exception's message), which as a Prometheus label would make one series per message.
/// </summary>
public static class FallbackKind
{
    /// <summary><c>policy_threw</c>, <c>non_finite_output</c> or <c>no_situation</c> (no heartbeat, an unknown device class, more modalities than the policy has slots).</summary>
    public static string Of(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.StartsWith("the policy threw", StringComparison.Ordinal))
        {
            return "policy_threw";
        }

        return reason.Contains("not finite", StringComparison.Ordinal) ? "non_finite_output" : "no_situation";
    }
}
