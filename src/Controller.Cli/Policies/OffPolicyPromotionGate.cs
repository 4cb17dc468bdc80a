using System.Globalization;
using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Controller.Service.Options;
using Controller.Service.Policies;
using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.Gate;
using Microsoft.Extensions.Options;
using ServiceVerdict = Controller.Service.Policies.PromotionVerdict;

namespace Controller.Cli.Policies;

/// <summary>
/// The promotion gate of issue #12 item 6 on the registry's evidence: the candidate's stored bundle, as it would serve
/// (<see cref="ServingTargetPolicy"/>), is evaluated with <see cref="OffPolicyEvaluator"/> (doubly robust, FastTree,
/// cross-fitted) on the logged decisions that carry observation, mask and outcome, and <see cref="PromotionGate.Judge"/>
/// decides: reward lower bound above the active policy's on-policy mean reward, every cost's upper bound within its
/// per-decision budget. Lives in the CLI because only it references both the service and the OPE library.
/// </summary>
public sealed class OffPolicyPromotionGate(
    PolicyRegistryStore registry,
    IOptions<DecisionOptions> decision,
    IOptions<OffPolicyGateOptions> gate) : IPromotionGate
{
    /// <summary>The rollback monitor's reward weights (its defaults), so OPE and the live comparison score a decision alike.</summary>
    public static GreedyBudgetOptions RewardWeights { get; } = new();

    public async Task<ServiceVerdict> EvaluateAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessment = await AssessAsync(request.Candidate, request.Active, request.Evidence.LoggedDecisions, cancellationToken).ConfigureAwait(false);
        return assessment.ToPromotionVerdict();
    }

    /// <summary>Evaluates <paramref name="candidate"/> on <paramref name="logged"/> (decisions with outcomes, oldest first) against <paramref name="active"/>.</summary>
    public async Task<OffPolicyAssessment> AssessAsync(PolicyEntity candidate, PolicyEntity? active, IReadOnlyList<DecisionEntity> logged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(logged);
        var name = $"{candidate.Name}@{candidate.Version}";
        var stored = await registry.FindBundleAsync(candidate.Name, candidate.Version, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return OffPolicyAssessment.Refused(name, null, "it has no stored bundle (a built-in policy), so there is nothing to evaluate");
        }

        PolicyBundle bundle;
        try
        {
            bundle = StoredBundles.Read(candidate, stored);
        }
        catch (PolicyBundleException ex)
        {
            return OffPolicyAssessment.Refused(name, null, ex.Message);
        }

        var spec = EdgeCloudPolicySpec.FromManifest(bundle.Manifest.Problem, out var notEdgeCloud);
        if (spec is null)
        {
            return OffPolicyAssessment.Refused(name, null, notEdgeCloud!);
        }

        if (ServingTargetPolicy.Unsupported(spec, bundle.Policy) is { } unsupported)
        {
            return OffPolicyAssessment.Refused(name, null, unsupported);
        }

        var log = GateLog.Read(logged, spec.Problem.MaxDraftLength, RewardWeights);
        var options = gate.Value;
        if (log.Usable.Count < options.MinimumDecisions)
        {
            return OffPolicyAssessment.Refused(name, log, string.Create(CultureInfo.InvariantCulture,
                $"{log.Usable.Count} usable logged decisions of {logged.Count}; the gate needs at least {options.MinimumDecisions} (Policies:Gate:MinimumDecisions)"));
        }

        var target = new ServingTargetPolicy(new LearnedTargetPolicy(name, bundle.Policy), decision.Value.LearnedExplorationFloor);
        OffPolicyReport report;
        try
        {
            report = OffPolicyEvaluator.Evaluate(log.Usable, target, new OffPolicyOptions { Seed = options.Seed });
        }
        catch (OffPolicyInputException ex)
        {
            return OffPolicyAssessment.Refused(name, log, $"off-policy evaluation refused the log: {ex.Message}");
        }

        var value = ActiveValue(active, log);
        if (value is null)
        {
            return OffPolicyAssessment.Refused(name, log, $"no logged decision of the active policy {active!.Name}@{active.Version} has a live reward, so there is nothing to compare with");
        }

        var criteria = new PromotionCriteria(options.MinimumDecisions, Budgets(log, spec), EstimatorKind.DoublyRobust,
            options.RewardMargin, options.MinimumEffectiveSampleSize);
        return new OffPolicyAssessment(name, log, null, report, value, criteria, PromotionGate.Judge(report, value, criteria));
    }

    /// <summary>
    /// The active policy's on-policy mean live reward (<see cref="ActivePolicyValue.FromOwnLogs"/>) over every decision it
    /// logged with a reward, observation or not (a baseline logs none); with no active version, the mean over the log.
    /// </summary>
    private static ActivePolicyValue? ActiveValue(PolicyEntity? active, GateLog log)
    {
        // FromOwnLogs reads only the policy names and the reward, so reward-only records carry the rest empty.
        var rewards = log.Rewarded.Select(r => new LoggedDecision([], [], 0, 1, r.Reward, [], r.PolicyName, r.PolicyVersion)).ToArray();
        if (active is null)
        {
            return new ActivePolicyValue("the logging policies", rewards.Average(r => r.Reward),
                string.Create(CultureInfo.InvariantCulture, $"mean live reward of all {rewards.Length} logged decisions; no version is active"));
        }

        try
        {
            return ActivePolicyValue.FromOwnLogs(rewards, active.Name, active.Version);
        }
        catch (OffPolicyInputException)
        {
            return null;
        }
    }

    /// <summary>
    /// Per-decision shares (<see cref="PerDecisionBudget"/>) of the service's dialogue budgets (Decision options) and of the
    /// energy budget per window of the candidate's problem — the window budget its serving mask enforces — with the mean
    /// decisions per dialogue and per device window measured from the usable log.
    /// </summary>
    private Dictionary<string, double> Budgets(GateLog log, EdgeCloudPolicySpec spec)
    {
        var d = decision.Value;
        var n = (double)log.Sources.Count;
        var perDialogue = n / log.Sources.Select(s => (s.DeviceId, s.DialogueId)).Distinct().Count();
        var window = spec.Problem.Budgets.WindowSeconds;
        var perWindow = n / log.Sources.Select(s => (s.DeviceId, Math.Floor(s.DecidedAt.ToUnixTimeMilliseconds() / 1_000.0 / window))).Distinct().Count();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [CostNames.EnergyJoules] = PerDecisionBudget.Share(spec.Problem.Budgets.EnergyBudgetJoules, perWindow),
            [CostNames.CloudUsd] = PerDecisionBudget.Share(d.DialogueCloudBudgetUsd, perDialogue),
            [CostNames.LatencyMs] = PerDecisionBudget.Share(d.DialogueLatencyBudgetMs, perDialogue),
        };
    }
}
