using System.Text.Json.Serialization;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// One direction of a link as a Gauss–Markov SNR process: SNR_dB[t+1] = μ + ρ(SNR_dB[t] − μ) +
/// σ√(1 − ρ²)·ε, ε ~ N(0, 1), and rate R = B·log2(1 + SNR). The rate range is what the reference
/// table gives; μ and the SNR clamps are derived from it through Shannon's formula, so the config states
/// rates in Mbit/s (what the table gives) rather than SNRs nobody can check. Clamping SNR stands for the
/// modem's lowest and highest modulation-and-coding scheme: below the floor the link still carries the
/// most robust scheme, above the ceiling it cannot go faster.
/// </summary>
/// <param name="BandwidthMhz">B, effective channel bandwidth, MHz (1 MHz at 1 bit/s/Hz = 1 Mbit/s).</param>
/// <param name="MinMbps">Rate at the SNR floor, Mbit/s.</param>
/// <param name="MedianMbps">Median rate, Mbit/s; μ is the SNR that gives it (the Gaussian's median maps to the rate's median).</param>
/// <param name="MaxMbps">Rate at the SNR ceiling, Mbit/s.</param>
/// <param name="SnrSigmaDb">σ, stationary standard deviation of the SNR, dB.</param>
/// <param name="Correlation">ρ ∈ [0, 1), correlation of SNR from one step to the next (slow fading / shadowing).</param>
public sealed record LinkRateConfig(double BandwidthMhz, double MinMbps, double MedianMbps, double MaxMbps, double SnrSigmaDb, double Correlation)
{
    /// <summary>
    /// A link whose SNR spread is a quarter of the clamp range, so ±2σ reaches both clamps and the
    /// process spends most of its time inside the table's range rather than pinned at a clamp.
    /// </summary>
    public static LinkRateConfig FromRange(double bandwidthMhz, double minMbps, double medianMbps, double maxMbps, double correlation)
    {
        double spreadDb = SnrDbForRate(maxMbps, bandwidthMhz) - SnrDbForRate(minMbps, bandwidthMhz);
        return new(bandwidthMhz, minMbps, medianMbps, maxMbps, Math.Round(spreadDb / 4, 3), correlation);
    }

    /// <summary>μ, the mean (and median) SNR, dB.</summary>
    [JsonIgnore]
    public double MeanSnrDb => SnrDbForRate(MedianMbps, BandwidthMhz);

    /// <summary>SNR floor, dB.</summary>
    [JsonIgnore]
    public double MinSnrDb => SnrDbForRate(MinMbps, BandwidthMhz);

    /// <summary>SNR ceiling, dB.</summary>
    [JsonIgnore]
    public double MaxSnrDb => SnrDbForRate(MaxMbps, BandwidthMhz);

    /// <summary>R = B·log2(1 + SNR), Mbit/s, for an SNR in dB.</summary>
    public static double RateMbps(double snrDb, double bandwidthMhz) => bandwidthMhz * Math.Log2(1 + Math.Pow(10, snrDb / 10));

    /// <summary>The inverse of <see cref="RateMbps"/>: 10·log10(2^(R/B) − 1).</summary>
    public static double SnrDbForRate(double rateMbps, double bandwidthMhz) => 10 * Math.Log10(Math.Pow(2, rateMbps / bandwidthMhz) - 1);

    /// <summary>Throws an <see cref="ArgumentException"/> whose ParamName is the first unusable field, prefixed by <paramref name="path"/>.</summary>
    public void Validate(string path)
    {
        TraceConfigChecks.Positive(BandwidthMhz, $"{path}.{nameof(BandwidthMhz)}");
        TraceConfigChecks.Positive(MinMbps, $"{path}.{nameof(MinMbps)}");
        TraceConfigChecks.Positive(MedianMbps, $"{path}.{nameof(MedianMbps)}");
        TraceConfigChecks.Positive(MaxMbps, $"{path}.{nameof(MaxMbps)}");
        if (!(MinMbps <= MedianMbps && MedianMbps <= MaxMbps))
        {
            throw new ArgumentException($"{path}: need MinMbps ≤ MedianMbps ≤ MaxMbps, got {MinMbps}, {MedianMbps}, {MaxMbps}.", $"{path}.{nameof(MedianMbps)}");
        }

        TraceConfigChecks.NonNegative(SnrSigmaDb, $"{path}.{nameof(SnrSigmaDb)}");
        TraceConfigChecks.Correlation(Correlation, $"{path}.{nameof(Correlation)}");
    }
}
