using System.Globalization;
using System.Text.Json;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>
/// What serving must know about a policy trained on the edge–cloud problem besides its weights: the problem as trained
/// (budgets, K, budget mask), how its speculative actions name the draft length, and the planner prior β added to its
/// logits. The trainer writes it into the bundle manifest's <c>problem</c> object (<see cref="ToManifest"/>) and the
/// serving loader reads it back (<see cref="FromManifest"/>), refusing a manifest that lacks or garbles a field.
/// </summary>
/// <param name="Problem">The problem as trained.</param>
/// <param name="DraftActions">How speculative actions name their draft length.</param>
/// <param name="PlannerPriorSharpness">β of the planner prior added to the logits; null when trained without one.</param>
public sealed record EdgeCloudPolicySpec(EdgeCloudServingProblem Problem, DraftLengthActions DraftActions, double? PlannerPriorSharpness)
{
    /// <summary>The manifest's <c>problem</c> object for this spec.</summary>
    public IReadOnlyDictionary<string, JsonElement> ToManifest()
    {
        var b = Problem.Budgets;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = EdgeCloudProblem.Name,
            ["energyBudgetJoules"] = b.EnergyBudgetJoules,
            ["spendBudgetUsd"] = b.SpendBudgetUsd,
            ["windowSeconds"] = b.WindowSeconds,
            ["latencySloMs"] = b.LatencySloMs,
            ["sloMissesPerWindow"] = b.SloMissesPerWindow,
            ["meanThinkSeconds"] = b.MeanThinkSeconds,
            ["maxDraftLength"] = Problem.MaxDraftLength,
            ["maskOverBudget"] = Problem.MaskOverBudget,
            ["draftActions"] = DraftActions.ToString(),
            ["plannerPriorSharpness"] = PlannerPriorSharpness,
        };
        return values.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The spec a manifest's <c>problem</c> object describes, or null with the reason it does not describe one.</summary>
    public static EdgeCloudPolicySpec? FromManifest(IReadOnlyDictionary<string, JsonElement>? problem, out string? reason)
    {
        reason = null;
        if (problem is null || !problem.TryGetValue("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            reason = "the manifest has no problem.name: it was not trained by 'controller train --env edge-cloud' (or predates problem descriptions)";
            return null;
        }

        if (name.GetString() != EdgeCloudProblem.Name)
        {
            reason = $"problem.name is '{name.GetString()}', not '{EdgeCloudProblem.Name}'";
            return null;
        }

        try
        {
            var budgets = new WindowBudgets(Number(problem, "energyBudgetJoules"), Number(problem, "spendBudgetUsd"), Number(problem, "windowSeconds"),
                Number(problem, "latencySloMs"), Number(problem, "sloMissesPerWindow"), Number(problem, "meanThinkSeconds")).Validated();
            var k = (int)Number(problem, "maxDraftLength");
            if (k is < 1 or > 16 || k != Number(problem, "maxDraftLength"))
            {
                throw new FormatException($"problem.maxDraftLength must be an integer in 1..16; got {Number(problem, "maxDraftLength").ToString(CultureInfo.InvariantCulture)}");
            }

            var mask = Field(problem, "maskOverBudget").ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FormatException("problem.maskOverBudget must be true or false"),
            };
            var draft = Field(problem, "draftActions");
            if (draft.ValueKind != JsonValueKind.String || !Enum.TryParse<DraftLengthActions>(draft.GetString(), out var draftActions) || !Enum.IsDefined(draftActions))
            {
                throw new FormatException($"problem.draftActions must be {string.Join(" or ", Enum.GetNames<DraftLengthActions>())}");
            }

            double? beta = null;
            if (problem.TryGetValue("plannerPriorSharpness", out var b) && b.ValueKind != JsonValueKind.Null)
            {
                beta = b.ValueKind == JsonValueKind.Number && PlannerPrior.IsValidSharpness(b.GetDouble())
                    ? b.GetDouble()
                    : throw new FormatException($"problem.plannerPriorSharpness must be null or a number in 0..{PlannerPrior.MaxSharpness}");
            }

            return new EdgeCloudPolicySpec(new EdgeCloudServingProblem(budgets, k, mask), draftActions, beta is > 0 ? beta : null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            reason = ex.Message;
            return null;
        }
    }

    private static JsonElement Field(IReadOnlyDictionary<string, JsonElement> problem, string key) =>
        problem.TryGetValue(key, out var value) ? value : throw new FormatException($"problem.{key} is missing");

    private static double Number(IReadOnlyDictionary<string, JsonElement> problem, string key)
    {
        var value = Field(problem, key);
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"problem.{key} must be a number");
    }
}
