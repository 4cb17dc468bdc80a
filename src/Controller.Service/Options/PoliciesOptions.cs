using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>The policy registry, canary rollout, promotion gate and automatic rollback. Section <c>Policies</c>.</summary>
public sealed class PoliciesOptions
{
    public const string SectionName = "Policies";

    /// <summary>How often every replica reads the registry and swaps in what changed, s. Default 5.</summary>
    [Range(0.05, 3600)]
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Share of devices (by a stable hash of the device id) the canary decides for. Default 0.1.</summary>
    [Range(0, 1)]
    public double CanaryShare { get; set; } = 0.1;

    /// <summary>Most logged decisions (with outcomes) and shadow decisions handed to the promotion gate as evidence. Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int GateEvidenceLimit { get; set; } = 100_000;

    /// <summary>How often the rollback monitor compares the canary or newly active policy with its baseline, s. Default 30.</summary>
    [Range(0.05, 86_400)]
    public double RollbackCheckIntervalSeconds { get; set; } = 30;

    /// <summary>How long after activation a policy is still "newly active" and watched, h. Default 24.</summary>
    [Range(0.001, 8760)]
    public double RollbackWatchHours { get; set; } = 24;

    /// <summary>Decisions with outcomes each side needs before the monitor tests anything; at least 30, so the normal approximation of the tests holds. Default 200.</summary>
    [Range(30, 10_000_000)]
    public int RollbackMinimumSample { get; set; } = 200;

    /// <summary>Most decisions per side the monitor reads per check. Default 50,000.</summary>
    [Range(30, 10_000_000)]
    public int RollbackMaximumSample { get; set; } = 50_000;

    /// <summary>Significance level α of each one-sided test (Welch on mean reward, two-proportion z on violation rate). Default 0.01.</summary>
    [Range(1e-9, 0.5)]
    public double RollbackSignificance { get; set; } = 0.01;

    /// <summary>How far the mean reward may fall below the baseline's before it counts as degraded (reward units). Default 0.05.</summary>
    [Range(0, 1e6)]
    public double RollbackRewardMargin { get; set; } = 0.05;

    /// <summary>How far the budget-violation rate may rise above the baseline's before it counts as degraded. Default 0.02.</summary>
    [Range(0, 1)]
    public double RollbackViolationMargin { get; set; } = 0.02;
}
