namespace Controller.Training.OffPolicy.Gate;

/// <summary>
/// The gate compares per-decision averages, while the service budgets dialogues (latency, cloud spend) and windows of
/// device time (energy). A period budget B shared by a mean of n̄ decisions per period gives the per-decision share
/// B / n̄: a policy whose expected cost per decision stays within it keeps the expected period total within B, as
/// long as the number of decisions per period does not depend on the policy. It says nothing about single periods
/// over budget — the service's masks and ledgers hold those.
/// </summary>
public static class PerDecisionBudget
{
    /// <param name="periodBudget">Budget of one dialogue or window (e.g. <c>Decision:DialogueCloudBudgetUsd</c> = 0.05).</param>
    /// <param name="meanDecisionsPerPeriod">Mean decisions per dialogue or window, measured from the same logs.</param>
    public static double Share(double periodBudget, double meanDecisionsPerPeriod)
    {
        if (!(periodBudget >= 0 && double.IsFinite(periodBudget)))
        {
            throw new ArgumentOutOfRangeException(nameof(periodBudget), periodBudget, "a budget must be finite and non-negative");
        }

        if (!(meanDecisionsPerPeriod > 0 && double.IsFinite(meanDecisionsPerPeriod)))
        {
            throw new ArgumentOutOfRangeException(nameof(meanDecisionsPerPeriod), meanDecisionsPerPeriod, "the mean number of decisions per period must be positive and finite");
        }

        return periodBudget / meanDecisionsPerPeriod;
    }
}
