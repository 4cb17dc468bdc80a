using Controller.Offloading.EdgeCloud.Environments;

namespace Controller.Offloading.EdgeCloud.Baselines;

/// <summary>
/// The channel-aware analytic rule, our stand-in for FlexSpec: k* = argmax_k E[N(k)] / (T(k) + λ·E(k)) with the
/// device's α estimate (lowered for the uploaded images), the current link, draft speed and cloud load
/// (<see cref="DraftLengthPlanner"/>), capped by memory. The energy price λ (ms per J) follows the window's
/// energy pace by online dual ascent: after each request λ ← clip(λ + η·(E − Ê), 0, λ_max), where Ê is the
/// request's share of the window budget at the budget's pace, budget · (latency + think time) / window length;
/// η = 1 ms/J², λ_max = 1,000 ms/J, λ starts at 0 per device. Every present modality is uploaded.
/// </summary>
public sealed class AnalyticDraftPolicy : RulePolicy
{
    /// <summary>Dual-ascent step, ms per J per J of overshoot.</summary>
    public const double PriceStep = 1.0;

    /// <summary>Upper clip of λ, ms per J.</summary>
    public const double MaxPrice = 1_000;

    private double _lastThinkSeconds;

    public override string Name => "Analytic k* (FlexSpec-like)";

    /// <summary>Current energy price λ, ms per J.</summary>
    public double EnergyPriceMsPerJoule { get; private set; }

    protected override int DraftLength(EdgeCloudDecision decision)
    {
        _lastThinkSeconds = decision.Request.ThinkSeconds;
        var round = decision.Round!;
        return DraftLengthPlanner.BestDraftLength(decision.AlphaEstimate(decision.PresentMask), round, decision.RoundEnergy,
            EnergyPriceMsPerJoule, decision.DraftLengthCap);
    }

    public override void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = environment.Options;
        var paced = options.EnergyBudgetJoules * ((outcome.LatencyMs / 1_000) + _lastThinkSeconds) / options.WindowSeconds;
        EnergyPriceMsPerJoule = Math.Clamp(EnergyPriceMsPerJoule + (PriceStep * (outcome.EnergyJoules - paced)), 0, MaxPrice);
    }
}
