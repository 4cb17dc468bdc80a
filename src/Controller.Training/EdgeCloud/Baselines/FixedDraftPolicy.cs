using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>Speculative decoding with a fixed draft length k (capped by memory), every present modality uploaded.</summary>
public sealed class FixedDraftPolicy : RulePolicy
{
    private readonly int _draftLength;

    public FixedDraftPolicy(int draftLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draftLength, 1);
        _draftLength = draftLength;
    }

    public override string Name => $"Fixed k={_draftLength}";

    protected override int DraftLength(EdgeCloudDecision decision) => _draftLength;
}
