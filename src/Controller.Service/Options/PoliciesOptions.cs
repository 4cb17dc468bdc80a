using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>The policy registry, canary rollout and promotion gate. Section <c>Policies</c>.</summary>
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
}
