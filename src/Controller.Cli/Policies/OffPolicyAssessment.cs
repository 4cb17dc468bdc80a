using System.Globalization;
using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.Gate;
using ServiceVerdict = Controller.Service.Policies.PromotionVerdict;

namespace Controller.Cli.Policies;

/// <summary>
/// Everything the off-policy gate found for one candidate: what it read from the log, the estimates, the active
/// policy's value, the budgets and the verdict — or why it could not evaluate at all (<see cref="Refusal"/>).
/// <c>policy evaluate</c> prints it; <see cref="ToPromotionVerdict"/> is what the registry records.
/// </summary>
public sealed record OffPolicyAssessment(
    string Candidate,
    GateLog? Log,
    string? Refusal,
    OffPolicyReport? Report = null,
    ActivePolicyValue? Active = null,
    PromotionCriteria? Criteria = null,
    PromotionVerdict? Verdict = null)
{
    public static OffPolicyAssessment Refused(string candidate, GateLog? log, string reason) => new(candidate, log, reason);

    public bool Passes => Refusal is null && Verdict is { Passes: true };

    /// <summary>The registry's verdict: every check with its numbers when it passes, every failed one when it does not.</summary>
    public ServiceVerdict ToPromotionVerdict()
    {
        var skipped = Log is null || Log.Skipped.Count == 0 ? [] : new[] { $"skipped {Log.SkippedText()}" };
        if (Refusal is not null)
        {
            return ServiceVerdict.Refuse([$"off-policy gate on {Candidate}: {Refusal}", .. skipped]);
        }

        var verdict = Verdict!;
        var lines = verdict.Passes
            ? verdict.Checks.Select(c => $"{c.Name}: {c.Detail}")
            : verdict.Reasons;
        var header = string.Create(CultureInfo.InvariantCulture,
            $"off-policy gate on {Candidate} ({verdict.Estimator}, {Report!.DecisionCount} logged decisions, effective sample size {Report.Weights.EffectiveSampleSize:0.#})");
        return new ServiceVerdict(verdict.Passes, [header, .. lines, .. skipped]);
    }
}
