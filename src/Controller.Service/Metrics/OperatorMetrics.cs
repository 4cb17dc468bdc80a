using Controller.Learning.Policies;
using Prometheus;

namespace Controller.Service.Metrics;

/// <summary>
/// The series operators scrape from <c>/metrics</c> (Prometheus text format). One registry per host, not
/// prometheus-net's process-wide default, so hosts in one process (tests, the demo) do not add into each other's series.
/// </summary>
public sealed class OperatorMetrics
{
    private readonly Histogram _decisionDuration;
    private readonly Counter _decisions;
    private readonly Histogram _ingestionLag;
    private readonly Counter _fallbacks;
    private readonly Counter _committedUsd;
    private readonly Counter _committedJoules;
    private readonly Counter _reportedUsd;
    private readonly Counter _reportedJoules;
    private readonly Gauge _multipliers;
    private readonly Counter _ledgerConflicts;
    private readonly Lock _multipliersLock = new();

    public OperatorMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _decisionDuration = factory.CreateHistogram(
            "controller_decision_duration_seconds",
            "Time inside the decision path, validation to durable log.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 18) });
        _decisions = factory.CreateCounter("controller_decisions_total", "Decisions answered, by location and policy.", "location", "policy");
        _ingestionLag = factory.CreateHistogram(
            "controller_ingestion_lag_seconds",
            "From when the agent sent a heartbeat or reported an outcome (its clock) to when it was stored (ours); a skewed device clock shows here, negative lags count as 0.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        _fallbacks = factory.CreateCounter("controller_policy_fallbacks_total", "Decisions a policy handed to its fallback, by policy and reason.", "policy", "reason");
        _committedUsd = factory.CreateCounter("controller_budget_committed_usd_total", "Cloud spend the decisions planned (expected), US dollars.");
        _committedJoules = factory.CreateCounter("controller_budget_committed_energy_joules_total", "Device energy the decisions planned (expected), joules.");
        _reportedUsd = factory.CreateCounter("controller_budget_reported_usd_total", "Cloud spend outcomes reported, US dollars.");
        _reportedJoules = factory.CreateCounter("controller_budget_reported_energy_joules_total", "Device energy outcomes reported, joules.");
        _ledgerConflicts = factory.CreateCounter("controller_dialogue_ledger_conflicts_total", "Turns decided again because another replica's turn or an outcome moved the dialogue's ledger on first.");
        _multipliers = factory.CreateGauge("controller_policy_lagrange_multiplier", "The active policy's Lagrange multiplier per constraint, as trained (manifest Constraints.FinalMultiplier).", "policy", "version", "constraint");
    }

    public CollectorRegistry Registry { get; }

    /// <summary>A decision answered: its latency, its place in the location/policy counter and its planned spend.</summary>
    public void RecordDecision(string location, string policy, TimeSpan elapsed, double expectedCostUsd, double expectedEnergyJoules)
    {
        _decisionDuration.Observe(elapsed.TotalSeconds);
        _decisions.WithLabels(location, policy).Inc();
        _committedUsd.Inc(expectedCostUsd);
        _committedJoules.Inc(expectedEnergyJoules);
    }

    /// <summary>A heartbeat (<paramref name="kind"/> <c>heartbeat</c>) or outcome (<c>outcome</c>) stored <paramref name="lag"/> after it was sent.</summary>
    public void RecordIngestion(string kind, TimeSpan lag) => _ingestionLag.WithLabels(kind).Observe(Math.Max(0, lag.TotalSeconds));

    /// <summary>What an outcome reported, beside what its decision planned.</summary>
    public void RecordReportedSpend(double costUsd, double energyJoules)
    {
        _reportedUsd.Inc(costUsd);
        _reportedJoules.Inc(energyJoules);
    }

    /// <summary>A turn is decided again after its dialogue's ledger moved on.</summary>
    public void RecordLedgerConflict() => _ledgerConflicts.Inc();

    /// <summary>A policy could not decide (no bundle, an exception, a guardrail) and its fallback answered.</summary>
    public void RecordFallback(string policy, string reason) => _fallbacks.WithLabels(policy, reason).Inc();

    /// <summary>
    /// Shows the multipliers of <paramref name="manifest"/>'s constraints, replacing those of the policy active before;
    /// call it when a learned policy becomes active. A policy without constraints leaves the gauge empty.
    /// </summary>
    public void ShowActivePolicy(PolicyManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        lock (_multipliersLock)
        {
            RemoveMultipliers();
            foreach (var constraint in manifest.Constraints)
            {
                _multipliers.WithLabels(manifest.Name, manifest.Version, constraint.CostName).Set(constraint.FinalMultiplier);
            }
        }
    }

    /// <summary>Empties the multiplier gauge: the policy active now is a rule, which has none.</summary>
    public void ClearActivePolicy()
    {
        lock (_multipliersLock)
        {
            RemoveMultipliers();
        }
    }

    private void RemoveMultipliers()
    {
        foreach (var labels in _multipliers.GetAllLabelValues().ToList())
        {
            _multipliers.RemoveLabelled(labels);
        }
    }
}
