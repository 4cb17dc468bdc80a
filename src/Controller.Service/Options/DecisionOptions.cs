using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>How placement decisions are made and bounded. Section <c>Decision</c>.</summary>
public sealed class DecisionOptions
{
    public const string SectionName = "Decision";

    /// <summary>How long an agent may act on a decision before it must ask again. Default 30 s.</summary>
    [Range(1, 3600)]
    public double ExpirySeconds { get; set; } = 30;

    /// <summary>Total latency one dialogue may accumulate, ms. Default 30,000 (TMO's 30 s).</summary>
    [Range(1, 1e9)]
    public double DialogueLatencyBudgetMs { get; set; } = 30_000;

    /// <summary>Total cloud spend one dialogue may accumulate, $. Default 0.05 (TMO's $0.05).</summary>
    [Range(0, 1e6)]
    public double DialogueCloudBudgetUsd { get; set; } = 0.05;

    /// <summary>
    /// Device energy assumed when a device has not sent a heartbeat yet, J; the decisions made for it since (within
    /// <see cref="CommitmentHorizonSeconds"/>) are subtracted as for any device. Default 500.
    /// </summary>
    [Range(0, 1e9)]
    public double UnknownDeviceEnergyJoules { get; set; } = 500;

    /// <summary>Exploration rate of the baseline policy, so logged propensities support off-policy evaluation. Default 0.05.</summary>
    [Range(0, 1)]
    public double Epsilon { get; set; } = 0.05;

    /// <summary>
    /// η of a learned policy: the share of probability spread uniformly over the allowed actions, so every allowed action
    /// is logged with propensity ≥ η / (allowed actions). Default 0.05.
    /// </summary>
    [Range(0, 0.999)]
    public double LearnedExplorationFloor { get; set; } = 0.05;

    /// <summary>
    /// Most devices whose energy ledger is held in memory; past it the longest-loaded tenth is dropped (they are read
    /// from the store again when next needed). Default 100,000.
    /// </summary>
    [Range(1, 100_000_000)]
    public int DeviceStateMaxDevices { get; set; } = 100_000;

    /// <summary>
    /// How long a device's ledger is trusted after it was read from the store before it is read again, s: the longest a
    /// replica goes without seeing the heartbeats and decisions other replicas recorded for the device. Heartbeats this
    /// replica receives do not extend it. Default 60.
    /// </summary>
    [Range(1, 86_400)]
    public double DeviceStateMaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// How long after a decision its energy can still be missing from the device's heartbeats, s: a decision made this
    /// long before the latest heartbeat arrived (or before now, for a device without heartbeats) is taken as reflected in
    /// it, or as spent long enough ago to no longer count against an unknown device. Bounds the ledger's memory and the
    /// store read on a reload. Default 600.
    /// </summary>
    [Range(1, 86_400)]
    public double CommitmentHorizonSeconds { get; set; } = 600;

    /// <summary>Seed of the decision randomness; null seeds from the clock. Default null.</summary>
    public int? Seed { get; set; }
}
