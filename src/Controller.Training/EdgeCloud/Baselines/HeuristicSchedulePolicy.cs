using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// Hugging Face's draft-length heuristic, applied once per request (the simulator plays a request's rounds with
/// one k): after a speculative request whose rounds were on average fully accepted (mean accepted drafts per round
/// ≥ k − 0.5) k += 2, otherwise k −= 1, bounded to [1, K]; k starts at 4 per device. Every present modality uploaded.
/// </summary>
public sealed class HeuristicSchedulePolicy : RulePolicy
{
    private int _draftLength = 4;

    public override string Name => "Heuristic +2/−1";

    /// <summary>Current draft length.</summary>
    public int CurrentDraftLength => _draftLength;

    protected override int DraftLength(EdgeCloudDecision decision) => _draftLength;

    public override void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (outcome.Location != Location.Speculative || outcome.DraftTokensProposed == 0)
        {
            return;
        }

        var rounds = outcome.Tokens - outcome.DraftTokensAccepted;
        var acceptedPerRound = (double)outcome.DraftTokensAccepted / rounds;
        _draftLength = acceptedPerRound >= outcome.DraftLength - 0.5
            ? Math.Min(_draftLength + 2, environment.Options.MaxDraftLength)
            : Math.Max(_draftLength - 1, 1);
    }
}
