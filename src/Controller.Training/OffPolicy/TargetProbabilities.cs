namespace Controller.Training.OffPolicy;

/// <summary>π(a | xᵢ) of the target for every record and action, checked once so every estimator can trust it.</summary>
internal static class TargetProbabilities
{
    /// <summary>How far from 1 a distribution may sum: float32 softmax over a few hundred actions stays within 1e-5.</summary>
    private const double SumTolerance = 1e-4;

    public static double[][] Of(IReadOnlyList<LoggedDecision> logs, ITargetPolicy target, LogShape shape)
    {
        ArgumentNullException.ThrowIfNull(target);
        var all = new double[logs.Count][];
        for (var i = 0; i < logs.Count; i++)
        {
            var p = new double[shape.ActionCount];
            try
            {
                target.ActionProbabilities(logs[i], p);
            }
            catch (OffPolicyInputException e) when (e.RecordIndex is null)
            {
                // A target names what it cannot read; the evaluator adds where, so the caller can find the record.
                throw new OffPolicyInputException($"logged decision {i}: {e.Message}", e) { RecordIndex = i };
            }

            Check(i, logs[i], p, target.Name);
            all[i] = p;
        }

        if (all.Select((p, i) => p[logs[i].Action]).All(p => p == 0))
        {
            throw new OffPolicyInputException(
                $"target policy '{target.Name}' gives probability 0 to every logged action: no logged decision says anything about it (log with more exploration, or evaluate a policy closer to the logging one)");
        }

        return all;
    }

    private static void Check(int i, LoggedDecision d, double[] p, string target)
    {
        var sum = 0.0;
        for (var a = 0; a < p.Length; a++)
        {
            if (!double.IsFinite(p[a]) || p[a] < 0)
            {
                throw OffPolicyInputException.AtRecord(i, $"target policy '{target}' gave action {a} probability {p[a]}");
            }

            // The mask is the set the logging policy could choose from: outside it the log has no support, and an
            // importance-weighted estimate would silently leave that probability mass out.
            if (p[a] > 0 && !d.ActionMask[a])
            {
                throw OffPolicyInputException.AtRecord(i, $"target policy '{target}' gives probability {p[a]} to action {a}, which was masked: the logging policy could not take it, so the log cannot estimate it");
            }

            sum += p[a];
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw OffPolicyInputException.AtRecord(i, $"target policy '{target}' probabilities sum to {sum}, not 1");
        }
    }
}
