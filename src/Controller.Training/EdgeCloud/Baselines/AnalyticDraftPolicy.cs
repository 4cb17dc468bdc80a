using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// The channel-aware analytic rule, our stand-in for FlexSpec: k* = argmax_k E[N(k)] / (T(k) + λ·E(k)) with the
/// device's α estimate (lowered for the uploaded images), the current link, draft speed and cloud load
/// (<see cref="DraftLengthPlanner"/>), capped by memory. The energy price λ (ms per J) follows the window's
/// energy pace by online dual ascent: at each decision λ ← clip(λ + η·(E − Ê), 0, λ_max), where E is the previous
/// request's measured energy and Ê the budget's pace over the device time measured since the previous decision,
/// budget · elapsed / window length (only past, measured quantities); η = 1 ms/J², λ_max = 1,000 ms/J, λ starts at
/// 0 per device. Every present modality is uploaded.
/// </summary>
public sealed class AnalyticDraftPolicy : RulePolicy
{
    /// <summary>Dual-ascent step, ms per J per J of overshoot.</summary>
    public const double PriceStep = 1.0;

    /// <summary>Upper clip of λ, ms per J.</summary>
    public const double MaxPrice = 1_000;

    private double? _lastDecisionSeconds;
    private double _lastEnergyJoules;

    public override string Name => "Analytic k* (FlexSpec-like)";

    /// <summary>Current energy price λ, ms per J.</summary>
    public double EnergyPriceMsPerJoule { get; private set; }

    protected override void BeforeChoice(EdgeCloudEnvironment environment) => Pace(environment);

    /// <summary>The dual-ascent step on λ from the previous request's energy and the device time since the previous decision.</summary>
    internal void Pace(EdgeCloudEnvironment environment)
    {
        var now = environment.TimeSeconds;
        if (_lastDecisionSeconds is { } last && now > last)
        {
            var options = environment.Options;
            var paced = options.EnergyBudgetJoules * (now - last) / options.WindowSeconds;
            EnergyPriceMsPerJoule = Math.Clamp(EnergyPriceMsPerJoule + (PriceStep * (_lastEnergyJoules - paced)), 0, MaxPrice);
        }

        _lastDecisionSeconds = now;
        _lastEnergyJoules = 0;
    }

    protected override int DraftLength(EdgeCloudDecision decision)
    {
        var round = decision.Round!;
        return DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(decision.PresentMask), round, decision.RoundEnergy,
            EnergyPriceMsPerJoule, decision.DraftLengthCap);
    }

    public override void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome) => _lastEnergyJoules = outcome.EnergyJoules;
}
