using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// A policy the TMO evaluation harness (<c>EpisodeRunner</c>, <c>TmoEvaluator</c>) runs on TMO dialogues.
/// </summary>
/// <remarks>
/// Heuristics, bandits, the oracle and learned policies alike. The harness calls <see cref="BeginEpisode"/> once per
/// dialogue, then alternates <see cref="ChooseAction"/> and <see cref="Observe"/> per turn.
/// </remarks>
public interface ITmoPolicy
{
    /// <summary>Name in result tables.</summary>
    string Name { get; }

    /// <summary>True when the policy runs with the environment's budget mask switched on.</summary>
    bool UsesBudgetMask { get; }

    /// <summary>A new dialogue starts in <paramref name="environment"/>.</summary>
    void BeginEpisode(TmoEnvironment environment);

    /// <summary>Picks an action the mask allows.</summary>
    int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask);

    /// <summary>Feedback for the action just taken (online learners update here).</summary>
    void Observe(TmoEnvironment environment, in TmoStepOutcome outcome);
}
