namespace Controller.Training.OffPolicy.KnownAnswer;

/// <summary>
/// A policy over a few discrete contexts, given as a table π(a | c), for logs whose context is a one-hot encoding of c
/// (as <see cref="KnownBanditProblem"/> writes them).
/// </summary>
public sealed class TabularTargetPolicy : ITargetPolicy
{
    private readonly double[][] _table;

    public TabularTargetPolicy(string name, double[][] table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(table);
        Name = name;
        _table = table;
    }

    public string Name { get; }

    public void ActionProbabilities(LoggedDecision decision, Span<double> probabilities)
    {
        var context = Array.IndexOf(decision.Context, 1f);
        if (context < 0 || context >= _table.Length)
        {
            throw new OffPolicyInputException($"target policy '{Name}' reads a one-hot context of {_table.Length}; got [{string.Join(", ", decision.Context)}]");
        }

        _table[context].CopyTo(probabilities);
    }
}
