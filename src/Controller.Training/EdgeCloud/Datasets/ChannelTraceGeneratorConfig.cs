using System.Text.Json.Serialization;
using Controller.Contracts;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Everything <see cref="ChannelTraceGenerator"/> needs to produce one trace; shipped as JSON next to the
/// trace it generated (<c>datasets/edge-cloud/configs/</c>) so the file can always be regenerated.
/// </summary>
/// <param name="Name">Trace name, e.g. <c>lte</c>; also the file name.</param>
/// <param name="Network">Network type the trace stands for.</param>
/// <param name="Seed">Seed of <see cref="System.Random"/>; the same config always gives the same trace.</param>
/// <param name="DurationSeconds">Trace length, s.</param>
/// <param name="StepSeconds">Sampling step, s.</param>
/// <param name="Uplink">Uplink SNR process.</param>
/// <param name="Downlink">Downlink SNR process.</param>
/// <param name="Rtt">RTT base and jitter.</param>
/// <param name="Outage">Outage on/off process.</param>
public sealed record ChannelTraceGeneratorConfig(
    string Name,
    NetworkType Network,
    int Seed,
    double DurationSeconds,
    double StepSeconds,
    LinkRateConfig Uplink,
    LinkRateConfig Downlink,
    RttConfig Rtt,
    OutageConfig Outage)
{
    /// <summary>Number of rows the trace will have.</summary>
    [JsonIgnore]
    public int Steps => (int)Math.Round(DurationSeconds / StepSeconds);

    /// <summary>Throws an <see cref="ArgumentException"/> whose ParamName is the first unusable field's path, e.g. <c>Uplink.MinMbps</c>.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"{nameof(Name)} must be a non-empty file name, got '{Name}'.", nameof(Name));
        }

        if (!Enum.IsDefined(Network) || Network is NetworkType.Disconnected)
        {
            throw new ArgumentException($"{nameof(Network)} must be a connected network type, got {Network}.", nameof(Network));
        }

        TraceConfigChecks.Positive(StepSeconds, nameof(StepSeconds));
        TraceConfigChecks.Positive(DurationSeconds, nameof(DurationSeconds));
        if (Steps < 2)
        {
            throw new ArgumentException($"{nameof(DurationSeconds)} must cover at least two steps of {StepSeconds} s, got {DurationSeconds}.", nameof(DurationSeconds));
        }

        // JSON can leave a nested object out; name it instead of failing with a NullReferenceException.
        RequirePresent(Uplink, nameof(Uplink)).Validate(nameof(Uplink));
        RequirePresent(Downlink, nameof(Downlink)).Validate(nameof(Downlink));
        RequirePresent(Rtt, nameof(Rtt)).Validate(nameof(Rtt));
        RequirePresent(Outage, nameof(Outage)).Validate(nameof(Outage), StepSeconds);
    }

    private static T RequirePresent<T>(T? value, string field)
        where T : class =>
        value ?? throw new ArgumentException($"{field} is missing.", field);
}
