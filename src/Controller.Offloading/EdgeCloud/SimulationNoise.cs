namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Randomness of <see cref="EdgeCloudSimulator"/>. Multiplicative jitters are log-normal with mean 1 and the
/// given σ of the underlying normal, so simulated means match the planning expectations.
/// </summary>
/// <param name="ComputeSigma">Jitter of device and cloud compute times, drawn per request (local) or per round. Default 0.1.</param>
/// <param name="RttSigma">Jitter of the round-trip time, drawn per transfer. Default 0.2.</param>
/// <param name="RateSigma">Jitter of uplink and downlink throughput, drawn per request. Default 0.2.</param>
/// <param name="QualitySigma">Standard deviation of the quality score around its expectation; TMO's synthetic generator uses 0.3. Default 0.3.</param>
/// <param name="MaxQuality">Scores are clipped to [0, MaxQuality]; TMO's synthetic generator clips at 2. Default 2.</param>
/// <param name="UnknownRelevance">Relevance of an uploaded modality the request did not score. Default 0.5.</param>
public sealed record SimulationNoise(
    double ComputeSigma = 0.1,
    double RttSigma = 0.2,
    double RateSigma = 0.2,
    double QualitySigma = 0.3,
    double MaxQuality = 2,
    double UnknownRelevance = 0.5)
{
    /// <summary>No jitter and no quality noise: every sample equals the deterministic path.</summary>
    public static SimulationNoise None { get; } = new(0, 0, 0, 0);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(ComputeSigma, nameof(ComputeSigma));
        Require(RttSigma, nameof(RttSigma));
        Require(RateSigma, nameof(RateSigma));
        Require(QualitySigma, nameof(QualitySigma));
        Require(MaxQuality, nameof(MaxQuality));
        if (double.IsNaN(UnknownRelevance) || UnknownRelevance < 0 || UnknownRelevance > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UnknownRelevance), UnknownRelevance, "Must lie in [0, 1].");
        }
    }

    /// <summary>A log-normal factor with mean 1: exp(σ·Z − σ²/2), Z standard normal.</summary>
    internal static double Jitter(double sigma, Random random) =>
        sigma == 0 ? 1 : Math.Exp((sigma * StandardNormal(random)) - (sigma * sigma / 2));

    /// <summary>Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].</summary>
    internal static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void Require(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Simulation noise: {name} must be a finite number ≥ 0.");
        }
    }
}
