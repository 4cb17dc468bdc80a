using System.Globalization;
using System.Text.Json;
using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Persistence.Entities;
using Controller.Service.Decisions;
using Controller.Service.Policies;
using Controller.Training.OffPolicy;

namespace Controller.Cli.Policies;

/// <summary>
/// The registry's evidence (decisions with outcomes joined) as off-policy evaluation reads it. A decision is usable when
/// it has an outcome, a live reward (<see cref="LiveReward"/>, the rollback monitor's definition), and the observation
/// and mask of the edge–cloud problem it was made under; the rest are counted by reason, never guessed. Decisions logged
/// before migration 20261203000100, and those whose situation the problem could not describe (no heartbeat yet, …), have
/// no observation or mask.
/// <para>
/// Decisions made by <c>baseline-greedy</c> (as the deciding policy, or as a learned policy's fallback) carry the serving
/// encoder's observation and mask, but their propensity is over the request's own composite space: M = the offered
/// modalities, K = the baseline's <see cref="GreedyBudgetOptions.MaxDraftLength"/>. It is the propensity of the same action
/// in the problem's space (3 slots × K) exactly when that space embeds the request's: the offers sit in the problem's slots
/// in offer order (so M ≤ 3; the encoder puts offer i in slot i and masks the empty slots) and the baseline's K equals the
/// problem's K. With another K the baseline's distribution is not one over the problem's actions (mass on drafts the problem
/// lacks, or none on drafts it has), so those decisions are skipped as a whole (<see cref="BaselineOtherSpace"/>) — a
/// condition on the logging policy, never on the action it drew, so the skip does not bias the estimate. A baseline draw
/// the problem's mask forbids is skipped apart (<see cref="BaselineMasked"/>); that one is a selection on the action and
/// scales IPS by all / kept (docs/off-policy-evaluation.md, "Baseline decisions").
/// </para>
/// </summary>
/// <param name="Usable">The usable decisions, costs in <see cref="CostNames.Service"/> order (energy J, cloud US$, latency ms).</param>
/// <param name="Sources">The stored decision behind each usable one, same order.</param>
/// <param name="Rewarded">Every decision with a live reward (usable or not), for the active policy's on-policy value.</param>
/// <param name="Skipped">Decisions left out, by reason.</param>
public sealed record GateLog(
    IReadOnlyList<LoggedDecision> Usable,
    IReadOnlyList<DecisionEntity> Sources,
    IReadOnlyList<(string PolicyName, string PolicyVersion, double Reward)> Rewarded,
    IReadOnlyDictionary<string, int> Skipped)
{
    public const string NoVectors = "without observation or mask (no heartbeat when decided, or logged before those columns existed)";
    public const string NoOutcome = "without an outcome";
    public const string NoReward = "whose request does not read or has no SLO (no live reward)";
    public const string OtherSpace = "made under another observation or action space";
    public const string BaselineMasked = "decided by baseline-greedy on an action the problem's mask forbids";
    public const string BaselineOtherSpace = "decided by baseline-greedy over another K than the problem's (its propensity is not one in the problem's action space)";

    /// <param name="maxDraftLength">K of the candidate's problem: its absolute action space is the problem's 3 modality slots × K.</param>
    /// <param name="weights">The baseline's settings: its reward weights (<see cref="LiveReward"/>) and its K, which its logged propensities refer to.</param>
    public static GateLog Read(IReadOnlyList<DecisionEntity> decisions, int maxDraftLength, GreedyBudgetOptions weights)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var space = CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, maxDraftLength);
        var usable = new List<LoggedDecision>();
        var sources = new List<DecisionEntity>();
        var rewarded = new List<(string, string, double)>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

        foreach (var d in decisions)
        {
            if (d.Outcome is not { } outcome)
            {
                Skip(NoOutcome);
                continue;
            }

            if (LiveReward.Of(d, weights) is not { } live)
            {
                Skip(NoReward);
                continue;
            }

            rewarded.Add((d.PolicyName, d.PolicyVersion, live.Reward));
            if (d.Observation is null || d.ActionMask is null)
            {
                Skip(NoVectors);
                continue;
            }

            // Decided by the baseline: its propensity is one in the problem's space only when its K is the problem's (above).
            var byBaseline = string.Equals(d.PolicyName, InitialPolicy.Baseline, StringComparison.Ordinal) || d.FallbackReason is not null;
            if (byBaseline && weights.MaxDraftLength != maxDraftLength)
            {
                Skip(BaselineOtherSpace);
                continue;
            }

            var mask = d.ActionMask.Select(b => b != 0).ToArray();
            var action = AbsoluteAction(d, space);
            if (d.Observation.Length != EdgeCloudObservation.Size * sizeof(float) || mask.Length != space.Count || action is not { } a)
            {
                Skip(OtherSpace);
                continue;
            }

            if (!mask[a])
            {
                // A learned policy never draws a masked action; the baseline's own feasibility (one-step budgets) is not the
                // problem's budget mask (window budgets), so its draws can fall outside it.
                Skip(byBaseline ? BaselineMasked : OtherSpace);
                continue;
            }

            usable.Add(new LoggedDecision(DecisionVectors.ReadObservation(d.Observation), mask, a, d.Propensity, live.Reward,
                [outcome.DeviceEnergyJoules, outcome.CloudCostUsd, outcome.TotalLatencyMs], d.PolicyName, d.PolicyVersion));
            sources.Add(d);
        }

        return new GateLog(usable, sources, rewarded, skipped);
    }

    /// <summary>"12 without an outcome, 40 without observation or mask (…)"; empty when nothing was skipped.</summary>
    public string SkippedText() =>
        string.Join(", ", Skipped.OrderByDescending(s => s.Value).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value} {s.Key}")));

    /// <summary>
    /// The chosen action in the problem's absolute space. The stored ActionIndex is in the request's own space (M = the
    /// offered modalities), so it is rebuilt from location, uploaded modalities (bit i = the i-th offer, as the mask's) and
    /// draft length; null when it does not belong to the space.
    /// </summary>
    private static int? AbsoluteAction(DecisionEntity d, CompositeActionSpace space)
    {
        if (!Enum.TryParse<Location>(d.Location, out var location))
        {
            return null;
        }

        RequestPlacement? request;
        try
        {
            request = JsonSerializer.Deserialize<RequestPlacement>(d.RequestJson, ContractJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }

        var offers = request?.Modalities ?? [];
        if (offers.Count > EdgeCloudProblem.ModalitySlots)
        {
            // More offers than slots: the request's space does not embed in the problem's, whatever was uploaded.
            return null;
        }

        var modalityMask = 0;
        var offerList = offers.ToList();
        foreach (var id in d.UploadModalityIds)
        {
            var i = offerList.FindIndex(m => m.Id == id);
            if (i < 0 || i >= EdgeCloudProblem.ModalitySlots)
            {
                return null;
            }

            modalityMask |= 1 << i;
        }

        try
        {
            return space.Encode(new CompositeAction(location, modalityMask, d.DraftLength));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
