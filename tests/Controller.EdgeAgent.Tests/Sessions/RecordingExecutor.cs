using Controller.Contracts;
using Controller.EdgeAgent.Sessions;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.Placement;

namespace Controller.EdgeAgent.Tests.Sessions;

/// <summary>Runs nothing: records each choice it was given and measures a fixed, recognisable outcome for it.</summary>
internal sealed class RecordingExecutor : IRequestExecutor
{
    public List<PlacementChoice> Executed { get; } = [];

    public RequestOutcomeSample Execute(RequestPlacement request, PlacementChoice choice)
    {
        Executed.Add(choice);
        var remote = choice.Location != Location.Local;
        return new RequestOutcomeSample(
            choice.Location, choice.UploadModalityIds, choice.DraftLength, TimeToFirstTokenMs: 120, TotalLatencyMs: 900,
            TokensGenerated: 64, DraftTokensProposed: choice.DraftLength * 8, DraftTokensAccepted: choice.DraftLength * 5,
            BytesUp: remote ? 4_096 : 0, BytesDown: remote ? 512 : 0, DeviceEnergyJoules: remote ? 2.5 : 9.0,
            CloudCostUsd: remote ? 0.001 : 0, QualityScore: remote ? 1.6 : 1.2);
    }
}
