namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Round-trip time as a base plus AR(1) jitter: j[t+1] = ρ·j[t] + σ√(1 − ρ²)·ε, RTT = median + j,
/// clamped to the table's range (the base is the propagation and core-network delay, the jitter is
/// queueing, which persists for a few seconds).
/// </summary>
/// <param name="MedianMs">Base RTT, ms: the jitter has median 0, so this is the RTT's median.</param>
/// <param name="MinMs">Smallest RTT, ms.</param>
/// <param name="MaxMs">Largest RTT, ms.</param>
/// <param name="JitterSigmaMs">σ, stationary standard deviation of the jitter, ms.</param>
/// <param name="Correlation">ρ ∈ [0, 1), step-to-step correlation of the jitter.</param>
public sealed record RttConfig(double MedianMs, double MinMs, double MaxMs, double JitterSigmaMs, double Correlation)
{
    /// <summary>RTT whose jitter σ is a quarter of the range, for the same reason as <see cref="LinkRateConfig.FromRange"/>.</summary>
    public static RttConfig FromRange(double minMs, double medianMs, double maxMs, double correlation) =>
        new(medianMs, minMs, maxMs, Math.Round((maxMs - minMs) / 4, 3), correlation);

    public void Validate(string path)
    {
        TraceConfigChecks.Positive(MinMs, $"{path}.{nameof(MinMs)}");
        TraceConfigChecks.Positive(MedianMs, $"{path}.{nameof(MedianMs)}");
        TraceConfigChecks.Positive(MaxMs, $"{path}.{nameof(MaxMs)}");
        if (!(MinMs <= MedianMs && MedianMs <= MaxMs))
        {
            throw new ArgumentException($"{path}: need MinMs ≤ MedianMs ≤ MaxMs, got {MinMs}, {MedianMs}, {MaxMs}.", $"{path}.{nameof(MedianMs)}");
        }

        TraceConfigChecks.NonNegative(JitterSigmaMs, $"{path}.{nameof(JitterSigmaMs)}");
        TraceConfigChecks.Correlation(Correlation, $"{path}.{nameof(Correlation)}");
    }
}
