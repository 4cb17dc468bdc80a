using Controller.Persistence.Entities;

namespace Controller.Persistence.Stores;

/// <summary>
/// Which lifecycle moves are allowed: candidate → shadow → canary → active → retired, with rollback from shadow, canary
/// or active, and a retired or rolled-back version allowed back into shadow, canary or active (a re-trial). Nothing
/// returns to candidate, and the active version leaves only by another's activation (retired) or by rollback.
/// </summary>
public static class PolicyLifecycle
{
    /// <summary>Null when <paramref name="from"/> → <paramref name="to"/> is allowed; otherwise why not.</summary>
    public static string? Refusal(PolicyStatus from, PolicyStatus to)
    {
        if (from == to)
        {
            return $"it is already {to}";
        }

        bool allowed = to switch
        {
            PolicyStatus.Candidate => false,
            PolicyStatus.Shadow => from is PolicyStatus.Candidate or PolicyStatus.Canary or PolicyStatus.Retired or PolicyStatus.RolledBack,
            PolicyStatus.Canary => from is PolicyStatus.Candidate or PolicyStatus.Shadow or PolicyStatus.Retired or PolicyStatus.RolledBack,
            PolicyStatus.Active => from is not PolicyStatus.Active,
            PolicyStatus.Retired => from is PolicyStatus.Candidate or PolicyStatus.Shadow or PolicyStatus.Canary or PolicyStatus.RolledBack,
            PolicyStatus.RolledBack => from is PolicyStatus.Shadow or PolicyStatus.Canary or PolicyStatus.Active,
            _ => false,
        };
        if (allowed)
        {
            return null;
        }

        return (from, to) switch
        {
            (PolicyStatus.Active, PolicyStatus.Retired) => "the active version is retired only by activating another one (promote) or by rollback",
            (_, PolicyStatus.Candidate) => "no version returns to Candidate",
            _ => $"the lifecycle does not allow {from} -> {to}",
        };
    }
}
