namespace Controller.Training.OffPolicy;

/// <summary>
/// What every record of a usable log agrees on, found by <see cref="Check"/>, which refuses — naming the record and the
/// field — anything an estimate cannot be built from.
/// </summary>
/// <param name="ActionCount">Length of every action mask.</param>
/// <param name="ContextSize">Length of every context.</param>
internal readonly record struct LogShape(int ActionCount, int ContextSize)
{
    /// <summary>At least two records: one gives an estimate but no spread, so no interval.</summary>
    public const int MinimumRecords = 2;

    public static LogShape Check(IReadOnlyList<LoggedDecision>? logs, IReadOnlyList<string> costNames)
    {
        if (logs is null || logs.Count == 0)
        {
            throw new OffPolicyInputException("no logged decisions to evaluate on");
        }

        if (logs.Count < MinimumRecords)
        {
            throw new OffPolicyInputException($"{logs.Count} logged decision: at least {MinimumRecords} are needed for an interval");
        }

        var first = logs[0] ?? throw OffPolicyInputException.AtRecord(0, "is null");
        var shape = new LogShape(first.ActionMask?.Length ?? 0, first.Context?.Length ?? 0);
        for (var i = 0; i < logs.Count; i++)
        {
            CheckRecord(i, logs[i], shape, costNames);
        }

        return shape;
    }

    private static void CheckRecord(int i, LoggedDecision? d, LogShape shape, IReadOnlyList<string> costNames)
    {
        if (d is null)
        {
            throw OffPolicyInputException.AtRecord(i, "is null");
        }

        if (d.Context is null || d.ActionMask is null || d.Costs is null)
        {
            throw OffPolicyInputException.AtRecord(i, "context, action mask and costs are required");
        }

        if (d.ActionMask.Length == 0 || !d.ActionMask.Contains(true))
        {
            throw OffPolicyInputException.AtRecord(i, "the action mask allows no action");
        }

        if (d.ActionMask.Length != shape.ActionCount)
        {
            throw OffPolicyInputException.AtRecord(i, $"action mask has {d.ActionMask.Length} actions, record 0 has {shape.ActionCount}");
        }

        if (d.Context.Length != shape.ContextSize)
        {
            throw OffPolicyInputException.AtRecord(i, $"context has {d.Context.Length} features, record 0 has {shape.ContextSize}");
        }

        var bad = Array.FindIndex(d.Context, f => !float.IsFinite(f));
        if (bad >= 0)
        {
            throw OffPolicyInputException.AtRecord(i, $"context feature {bad} is {d.Context[bad]}");
        }

        if (d.Action < 0 || d.Action >= shape.ActionCount)
        {
            throw OffPolicyInputException.AtRecord(i, $"action {d.Action} is outside the {shape.ActionCount} actions");
        }

        if (!d.ActionMask[d.Action])
        {
            throw OffPolicyInputException.AtRecord(i, $"action {d.Action} was masked when it was taken");
        }

        if (!(d.Propensity > 0 && d.Propensity <= 1))
        {
            throw OffPolicyInputException.AtRecord(i, $"propensity {d.Propensity} must lie in (0, 1]: a logging policy that cannot say how likely its choice was gives no weight to correct by");
        }

        if (!double.IsFinite(d.Reward))
        {
            throw OffPolicyInputException.AtRecord(i, $"reward is {d.Reward}");
        }

        if (d.Costs.Length != costNames.Count)
        {
            throw OffPolicyInputException.AtRecord(i, $"has {d.Costs.Length} costs, expected {costNames.Count} ({string.Join(", ", costNames)})");
        }

        for (var c = 0; c < d.Costs.Length; c++)
        {
            if (!double.IsFinite(d.Costs[c]))
            {
                throw OffPolicyInputException.AtRecord(i, $"cost {costNames[c]} is {d.Costs[c]}");
            }
        }
    }
}
