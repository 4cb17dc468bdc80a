using System.Globalization;

namespace Controller.Service.Policies;

/// <summary>
/// The gate registered until an off-policy estimator is plugged in: it refuses every promotion and says what evidence
/// there is, so canary and active are reached only by an explicit, recorded override. Passing a candidate on no
/// estimate would let an unevaluated policy decide for real devices.
/// </summary>
public sealed class EvaluatorRequiredGate : IPromotionGate
{
    public Task<PromotionVerdict> EvaluateAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evidence = request.Evidence.LoggedDecisions.Count == 0
            ? "there are no logged decisions with outcomes to evaluate it on"
            : string.Create(CultureInfo.InvariantCulture,
                $"{request.Evidence.LoggedDecisions.Count} logged decisions with outcomes and {request.Evidence.CandidateShadowDecisions.Count} shadow decisions of the candidate are on record");
        return Task.FromResult(PromotionVerdict.Refuse(
            $"no off-policy estimator is configured to judge {request.Candidate.Name}/{request.Candidate.Version} for {request.Target}; {evidence}"));
    }
}
