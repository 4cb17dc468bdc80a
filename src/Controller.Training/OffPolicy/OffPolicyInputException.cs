namespace Controller.Training.OffPolicy;

/// <summary>
/// A log or target policy that off-policy evaluation cannot use: empty logs, a propensity of zero or NaN, lengths that
/// disagree, a target that puts probability on an action the logging policy could not take. The message names the
/// record and the field.
/// </summary>
public sealed class OffPolicyInputException : ArgumentException
{
    public OffPolicyInputException(string message)
        : base(message)
    {
    }

    public OffPolicyInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OffPolicyInputException()
    {
    }

    /// <summary>Index of the offending record in the log, when one record is at fault.</summary>
    public int? RecordIndex { get; init; }

    internal static OffPolicyInputException AtRecord(int index, string problem) =>
        new($"logged decision {index}: {problem}") { RecordIndex = index };
}
