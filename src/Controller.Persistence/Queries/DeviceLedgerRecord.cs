using Controller.Persistence.Entities;

namespace Controller.Persistence.Queries;

/// <summary>What the store knows about one device's energy: its latest heartbeat by arrival, and its recent decisions.</summary>
/// <param name="Latest">The heartbeat the controller received last (controller clock); null when the device never sent one.</param>
/// <param name="Decisions">The device's decisions made since the lookback point, with their outcomes' energy where reported.</param>
public sealed record DeviceLedgerRecord(HeartbeatEntity? Latest, IReadOnlyList<CommittedDecision> Decisions);

/// <summary>One decision's claim on its device's energy as stored.</summary>
/// <param name="ReportedEnergyJoules">The outcome's device energy, J; null while the outcome is pending.</param>
/// <param name="ReportedAt">When the device reported the outcome (device clock); null while pending.</param>
public sealed record CommittedDecision(
    Guid DecisionId,
    DateTimeOffset DecidedAt,
    DateTimeOffset ExpiresAt,
    double ExpectedEnergyJoules,
    double? ReportedEnergyJoules,
    DateTimeOffset? ReportedAt);
