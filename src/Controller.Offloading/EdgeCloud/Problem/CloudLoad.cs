using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// How busy the cloud target is, as a two-state Markov chain stepped once per request: idle (time factor
/// uniform in [0.6, 1.0] of <see cref="CloudProfile.Qwen25Vl72B"/>, so t_v0 ≈ 18–30 ms) or loaded (factor
/// [1.7, 3.3], t_v0 ≈ 50–100 ms), the reference's idle and loaded verify ranges; idle → loaded with
/// probability 0.1 per request, loaded → idle 0.25 (assumptions). The factor scales the prefill overhead,
/// t_step, t_v0 and t_v1; prices do not change (a verify pass is charged as a fraction of a decode step).
/// </summary>
public sealed class CloudLoad
{
    private const double IdleToLoaded = 0.1;
    private const double LoadedToIdle = 0.25;
    private bool _loaded;

    /// <summary>Current time factor (1 = the nominal profile).</summary>
    public double Factor { get; private set; } = 1;

    /// <summary>True while the cloud is in its loaded state.</summary>
    public bool Loaded => _loaded;

    /// <summary>Draws the state from the chain's stationary distribution.</summary>
    public void Reset(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _loaded = random.NextDouble() < IdleToLoaded / (IdleToLoaded + LoadedToIdle);
        Draw(random);
    }

    /// <summary>Advances one request.</summary>
    public void Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _loaded = _loaded ? random.NextDouble() >= LoadedToIdle : random.NextDouble() < IdleToLoaded;
        Draw(random);
    }

    /// <summary>The nominal profile with every time scaled by <paramref name="factor"/>.</summary>
    public static CloudProfile Scaled(CloudProfile nominal, double factor)
    {
        ArgumentNullException.ThrowIfNull(nominal);
        return nominal with
        {
            PrefillBaseMs = nominal.PrefillBaseMs * factor,
            StepMs = nominal.StepMs * factor,
            VerifyBaseMs = nominal.VerifyBaseMs * factor,
            VerifyMsPerToken = nominal.VerifyMsPerToken * factor,
        };
    }

    private void Draw(Random random) => Factor = _loaded ? 1.7 + (1.6 * random.NextDouble()) : 0.6 + (0.4 * random.NextDouble());
}
