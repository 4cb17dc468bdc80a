using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Baselines;

/// <summary>
/// Shared shape of the draft-length baselines: they run speculative decoding with every present modality and
/// only choose k; when speculative decoding is impossible they use the cloud alone (link up, draft does not
/// fit in memory) or the device (link down). When the budget mask forbids the wanted action they take the
/// longest allowed shorter draft, then cloud, then the mask's cheapest action — the same fallback for every rule.
/// </summary>
public abstract class RulePolicy : IEdgeCloudPolicy
{
    public abstract string Name { get; }

    public virtual void BeginWindow(EdgeCloudEnvironment environment)
    {
    }

    /// <inheritdoc />
    public bool LastChoiceWasFallback { get; private set; }

    public int ChooseAction(EdgeCloudEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(environment);
        BeforeChoice(environment);
        var decision = environment.Decision;
        int wanted;
        if (!decision.Channel.IsUp)
        {
            wanted = 0;
        }
        else if (decision.DraftLengthCap < 1)
        {
            wanted = decision.CloudAllPresent;
        }
        else
        {
            var k = Math.Clamp(DraftLength(decision), 1, decision.DraftLengthCap);
            wanted = decision.SpeculativeAllPresent(k);
            for (var shorter = k; shorter >= 1; shorter--)
            {
                var action = decision.SpeculativeAllPresent(shorter);
                if (mask[action])
                {
                    LastChoiceWasFallback = shorter != k;
                    return action;
                }
            }
        }

        var chosen = Cheapest(environment, mask, preferred: decision.Channel.IsUp ? decision.CloudAllPresent : 0);
        LastChoiceWasFallback = chosen != wanted;
        return chosen;
    }

    /// <summary>Called before every choice, whatever the link (adaptive state that depends on time updates here).</summary>
    protected virtual void BeforeChoice(EdgeCloudEnvironment environment)
    {
    }

    public virtual void Observe(EdgeCloudEnvironment environment, in EdgeCloudStepOutcome outcome)
    {
    }

    /// <summary>The draft length this rule wants for the pending request (clamped to 1..cap by the caller).</summary>
    protected abstract int DraftLength(EdgeCloudDecision decision);

    /// <summary><paramref name="preferred"/> when allowed, else the environment's budget fallback (always allowed).</summary>
    internal static int Cheapest(EdgeCloudEnvironment environment, ReadOnlySpan<bool> mask, int preferred) =>
        mask[preferred] ? preferred : environment.Fallback;
}
