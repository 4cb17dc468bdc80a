using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Cli.Output;
using Controller.Cli.Policies;
using Controller.Persistence.Stores;
using Controller.Service.Options;
using Controller.Training.OffPolicy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller policy evaluate NAME VERSION</c>: the promotion gate's evaluation, printed — IPS, SNIPS and DR with
/// 95 % intervals for the reward and each cost, the effective sample size, the active policy's value and every check —
/// on the same evidence <c>canary</c> and <c>promote</c> hand the gate. Changes nothing. A failed check is a result (exit
/// 0); a candidate that cannot be evaluated (unknown, not evaluable, too few usable decisions) is refused (exit 2).
/// </summary>
internal static partial class PolicyCommand
{
    private static Command Evaluate(Io io)
    {
        var store = new StoreArgs();
        var (name, version) = NameAndVersion();
        var command = new Command("evaluate", "Off-policy estimates of the version on the logged decisions, and the promotion gate's verdict check by check (changes nothing).") { name, version };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await store.OpenAsync(parse, io, ct);
            var (n, v) = (parse.GetValue(name)!, parse.GetValue(version)!);
            var policies = services.GetRequiredService<PolicyStore>();
            var candidate = await policies.FindAsync(n, v, ct);
            if (candidate is null)
            {
                return Refuse(io, "evaluate", $"no policy {n}/{v} is registered");
            }

            var active = await policies.GetActiveAsync(ct);
            var limit = services.GetRequiredService<IOptions<PoliciesOptions>>().Value.GateEvidenceLimit;
            var logged = await services.GetRequiredService<DecisionStore>().ListWithOutcomesAsync(DateTimeOffset.UnixEpoch, limit, ct);
            var assessment = await services.GetRequiredService<OffPolicyPromotionGate>().AssessAsync(candidate, active, logged, ct);
            if (assessment.Refusal is not null)
            {
                var skipped = assessment.Log is { Skipped.Count: > 0 } log ? $" (skipped {log.SkippedText()})" : "";
                return Refuse(io, "evaluate", $"{n}/{v}: {assessment.Refusal}{skipped}");
            }

            if (parse.GetValue(store.Json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(EvaluationJson(assessment), JsonOptions));
            }
            else
            {
                WriteEvaluation(io.Output, assessment);
            }

            return 0;
        });
        return command;
    }

    private static void WriteEvaluation(TextWriter output, OffPolicyAssessment a)
    {
        var (report, verdict, log) = (a.Report!, a.Verdict!, a.Log!);
        var w = report.Weights;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{a.Candidate} on {report.DecisionCount} logged decisions ({string.Join(", ", report.LoggingPolicies.Select(p => $"{p.PolicyName}@{p.PolicyVersion} {p.Decisions}"))})"));
        if (log.Skipped.Count > 0)
        {
            output.WriteLine($"skipped: {log.SkippedText()}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"effective sample size {w.EffectiveSampleSize:0.#}; mean weight {w.MeanWeight:0.###}, max weight {w.MaxWeight:0.##}; outcome model {report.OutcomeModel ?? "none"}"));
        TextTable.Write(output, ["outcome", "estimator", "estimate", "95% low", "95% high", "se"],
            report.Outcomes.SelectMany(o => o.All().Select(e => (IReadOnlyList<string>)[o.Outcome, e.Estimator.ToString(), G(e.Value), G(e.Lower), G(e.Upper), G(e.StandardError)])));
        output.WriteLine($"active: {a.Active!.PolicyName} reward {G(a.Active.RewardEstimate)} ({a.Active.Source})");
        output.WriteLine($"gate ({verdict.Estimator}): {(verdict.Passes ? "passes" : "refuses")}");
        TextTable.Write(output, ["check", "result", "observed", "threshold", "detail"],
            verdict.Checks.Select(c => (IReadOnlyList<string>)[c.Name, c.Passed ? "pass" : "FAIL", G(c.Observed), G(c.Threshold), c.Detail]));
    }

    private static object EvaluationJson(OffPolicyAssessment a)
    {
        var (report, verdict) = (a.Report!, a.Verdict!);
        return new
        {
            candidate = a.Candidate,
            decisions = report.DecisionCount,
            skipped = a.Log!.Skipped,
            loggingPolicies = report.LoggingPolicies.Select(p => new { name = p.PolicyName, version = p.PolicyVersion, decisions = p.Decisions }),
            weights = new { effectiveSampleSize = report.Weights.EffectiveSampleSize, meanWeight = report.Weights.MeanWeight, maxWeight = report.Weights.MaxWeight },
            outcomeModel = report.OutcomeModel,
            outcomes = report.Outcomes.Select(o => new
            {
                outcome = o.Outcome,
                estimates = o.All().Select(e => new { estimator = e.Estimator.ToString(), value = e.Value, standardError = e.StandardError, lower = e.Lower, upper = e.Upper }),
            }),
            active = new { policy = a.Active!.PolicyName, reward = a.Active.RewardEstimate, source = a.Active.Source },
            gate = new
            {
                estimator = verdict.Estimator.ToString(),
                passes = verdict.Passes,
                checks = verdict.Checks.Select(c => new { name = c.Name, passed = c.Passed, observed = Finite(c.Observed), threshold = Finite(c.Threshold), detail = c.Detail }),
            },
        };
    }

    // JSON has no NaN: a missing figure is null.
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static string G(double x) => double.IsFinite(x) ? x.ToString("G4", CultureInfo.InvariantCulture) : "-";
}
