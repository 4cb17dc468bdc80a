namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Generates a channel trace from a <see cref="ChannelTraceGeneratorConfig"/>: per step, a Gauss–Markov
/// SNR per link direction turned into a rate by R = B·log2(1 + SNR), an RTT of base plus AR(1) jitter,
/// and a two-state Markov up/down process for outages. All processes start from their stationary
/// distribution (no warm-up transient) and keep running during an outage, so the link comes back at a
/// correlated, not a fresh, quality. Deterministic: one <see cref="Random"/> seeded from the config,
/// drawn in a fixed order; values are quantised to what the CSV stores (0.001 Mbit/s, 0.01 ms) so the
/// in-memory trace equals the one read back from its file.
/// </summary>
public static class ChannelTraceGenerator
{
    public static ChannelTrace Generate(ChannelTraceGeneratorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();

        // System.Random(seed) uses the same legacy algorithm on every .NET version, so seeds stay stable.
        var random = new Random(config.Seed);
        var uplink = new GaussMarkov(config.Uplink.MeanSnrDb, config.Uplink.SnrSigmaDb, config.Uplink.Correlation, random);
        var downlink = new GaussMarkov(config.Downlink.MeanSnrDb, config.Downlink.SnrSigmaDb, config.Downlink.Correlation, random);
        var jitter = new GaussMarkov(0, config.Rtt.JitterSigmaMs, config.Rtt.Correlation, random);
        double goDown = config.StepSeconds / config.Outage.MeanUpSeconds;
        double comeBack = config.StepSeconds / config.Outage.MeanDownSeconds;
        bool up = random.NextDouble() >= config.Outage.DownShare;

        var samples = new TraceSample[config.Steps];
        for (int i = 0; i < samples.Length; i++)
        {
            if (i > 0)
            {
                uplink.Step(random);
                downlink.Step(random);
                jitter.Step(random);
                up = up ? random.NextDouble() >= goDown : random.NextDouble() < comeBack;
            }

            double time = Quantize(i * config.StepSeconds, 1000);
            samples[i] = up
                ? new TraceSample(time, Rate(config.Uplink, uplink.Value), Rate(config.Downlink, downlink.Value),
                    Quantize(Math.Clamp(config.Rtt.MedianMs + jitter.Value, config.Rtt.MinMs, config.Rtt.MaxMs), 100), LinkUp: true)
                : new TraceSample(time, 0, 0, 0, LinkUp: false);
        }

        return new ChannelTrace(config.Name, config.Network, samples, config.Steps * config.StepSeconds);
    }

    private static double Rate(LinkRateConfig link, double snrDb)
    {
        double rate = LinkRateConfig.RateMbps(Math.Clamp(snrDb, link.MinSnrDb, link.MaxSnrDb), link.BandwidthMhz);

        // Clamp again after rounding so float error at the SNR clamps cannot leave the stated rate range.
        return Math.Clamp(Quantize(rate, 1000), link.MinMbps, link.MaxMbps);
    }

    // An integer divided by a power of ten is the double nearest that decimal, exactly what parsing the
    // CSV's shortest round-trip text gives back.
    private static double Quantize(double value, double perUnit) => Math.Round(value * perUnit) / perUnit;

    /// <summary>x[t+1] = μ + ρ(x[t] − μ) + σ√(1 − ρ²)·ε: stationary N(μ, σ²) at every step.</summary>
    private sealed class GaussMarkov
    {
        private readonly double _mean;
        private readonly double _sigma;
        private readonly double _rho;
        private readonly double _innovation;

        public GaussMarkov(double mean, double sigma, double rho, Random random)
        {
            _mean = mean;
            _sigma = sigma;
            _rho = rho;
            _innovation = sigma * Math.Sqrt(1 - (rho * rho));
            Value = mean + (sigma * StandardNormal(random));
        }

        public double Value { get; private set; }

        public void Step(Random random) => Value = _mean + (_rho * (Value - _mean)) + (_innovation * StandardNormal(random));

        public override string ToString() => $"GaussMarkov(μ={_mean}, σ={_sigma}, ρ={_rho})";

        // Box–Muller, one of the pair: two uniforms per normal keeps the draw order trivially fixed.
        private static double StandardNormal(Random random)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
