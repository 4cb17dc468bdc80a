namespace Controller.Training.OffPolicy.Gate;

/// <summary>The promotion gate's answer: every check with its numbers, and why the candidate was refused if it was.</summary>
/// <param name="Candidate">The evaluated policy.</param>
/// <param name="Active">The active policy it was compared with.</param>
/// <param name="Estimator">The estimator whose intervals were read.</param>
/// <param name="Checks">Every check, in order: decisions, effective sample size, reward, each cost.</param>
public sealed record PromotionVerdict(string Candidate, string Active, EstimatorKind Estimator, IReadOnlyList<GateCheck> Checks)
{
    public bool Passes => Checks.All(c => c.Passed);

    /// <summary>One line per failed check; empty when the candidate passes.</summary>
    public IReadOnlyList<string> Reasons => [.. Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")];
}
