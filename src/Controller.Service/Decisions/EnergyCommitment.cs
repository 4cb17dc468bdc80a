using Controller.Contracts;

namespace Controller.Service.Decisions;

/// <summary>
/// One decision's claim on its device's energy, held in the device's ledger under its decision id so that a repeat, a
/// redelivered outcome or a reload from the store replaces it instead of adding it again.
/// </summary>
/// <param name="DecidedAt">When the controller made the decision (controller clock).</param>
/// <param name="ExpiresAt">Until when the agent may act on it (controller clock).</param>
/// <param name="ReportedJoules">The outcome's device energy; null while the outcome is pending.</param>
/// <param name="ReportedAt">When the device reported the outcome (device clock); null while pending.</param>
public sealed record EnergyCommitment(
    Guid DecisionId,
    DateTimeOffset DecidedAt,
    DateTimeOffset ExpiresAt,
    double ExpectedJoules,
    double? ReportedJoules = null,
    DateTimeOffset? ReportedAt = null)
{
    /// <summary>What the decision uses: the reported energy once known, the expected energy until then.</summary>
    public double Joules => ReportedJoules ?? ExpectedJoules;

    /// <summary>
    /// Whether <paramref name="heartbeat"/>, received at <paramref name="receivedAt"/>, already reflects this decision's
    /// spend, so counting it again would charge the device twice. Each comparison stays on one clock: an outcome's report
    /// time against the heartbeat's send time (both the device's, so skew cancels); a pending decision's expiry against
    /// the heartbeat's receipt (both the controller's) — past expiry the agent served it locally or not at all, and a
    /// heartbeat received after that knows. Anything decided more than <paramref name="horizon"/> before the reference
    /// point (the heartbeat's receipt, or <paramref name="now"/> for a device without one) is taken as settled.
    /// </summary>
    public bool IsSettled(HeartbeatReported? heartbeat, DateTimeOffset receivedAt, DateTimeOffset now, TimeSpan horizon)
    {
        if (DecidedAt < (heartbeat is null ? now : receivedAt) - horizon)
        {
            return true;
        }

        if (heartbeat is null)
        {
            return false;
        }

        return ReportedAt is { } reportedAt ? reportedAt <= heartbeat.SentAt : ExpiresAt <= receivedAt;
    }
}
