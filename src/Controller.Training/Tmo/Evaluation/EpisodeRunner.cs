using Controller.Training.Tmo.Baselines;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>Plays one dialogue with one policy and records TMO's per-dialogue metrics.</summary>
public static class EpisodeRunner
{
    /// <summary>Runs <paramref name="policy"/> on <paramref name="dialogue"/> in <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidOperationException">The policy picked an action the mask forbids.</exception>
    public static DialogueResult Run(TmoEnvironment environment, ITmoPolicy policy, TmoDialogue dialogue)
    {
        var spec = environment.Spec;
        Span<float> observation = stackalloc float[spec.ObservationSize];
        Span<bool> mask = stackalloc bool[spec.ActionCount];
        Span<float> costs = stackalloc float[spec.CostCount];
        environment.ResetTo(dialogue, observation, mask);
        policy.BeginEpisode(environment);

        var actions = new int[dialogue.Turns.Count];
        double score = 0, association = 0, latency = 0, usage = 0, reward = 0;
        for (var turn = 0; turn < actions.Length; turn++)
        {
            var action = policy.ChooseAction(environment, observation, mask);
            if ((uint)action >= (uint)mask.Length || !mask[action])
            {
                throw new InvalidOperationException($"{policy.Name} chose action {action} at turn {turn} of dialogue {dialogue.Id}, which the mask forbids");
            }

            environment.Step(action, observation, mask, costs);
            var outcome = environment.LastOutcome;
            policy.Observe(environment, outcome);
            actions[turn] = action;
            score += outcome.Score;
            association += outcome.RawAssociation;
            latency += outcome.LatencyS;
            usage += outcome.UsageUsd;
            reward += outcome.Reward;
        }

        var n = actions.Length;
        return new DialogueResult(dialogue.Id, score / n, association / n, latency, usage, reward / n, reward, actions);
    }
}
