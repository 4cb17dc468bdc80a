namespace Controller.Service.Ingestion;

/// <summary>An outcome refers to a decision this controller never made; it is refused, not stored.</summary>
public sealed class UnknownDecisionException(Guid decisionId)
    : Exception($"decisionId: {decisionId} refers to no decision on record; outcomes can only report on decisions this controller made")
{
    public Guid DecisionId { get; } = decisionId;
}
