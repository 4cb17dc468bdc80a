using Controller.Contracts;
using Controller.Persistence;

namespace Controller.Service.Decisions;

internal static class DecisionMapping
{
    public static PlacementDecided ToContract(DecisionEntity d) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = d.RequestId,
        DecisionId = d.DecisionId,
        Location = Enum.Parse<Location>(d.Location),
        UploadModalityIds = d.UploadModalityIds,
        DraftLength = d.DraftLength,
        Propensity = d.Propensity,
        PolicyName = d.PolicyName,
        PolicyVersion = d.PolicyVersion,
        DecidedAt = d.DecidedAt,
        ExpiresAt = d.ExpiresAt,
    };
}
