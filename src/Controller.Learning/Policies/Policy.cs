using System.Numerics.Tensors;
using Controller.Learning.Distributions;
using Controller.Learning.Nn;

namespace Controller.Learning.Policies;

/// <summary>
/// A trained decision rule ready to serve: normalises the raw observation, runs the network, honours the mask.
/// <see cref="Act"/> and <see cref="ActionProbabilities"/> allocate nothing and share no mutable state, so one
/// instance can serve many threads.
/// </summary>
public sealed class Policy
{
    /// <summary>Largest stack scratch (floats) a decision may take: 64 KiB, far from the 1 MiB default thread stack.</summary>
    public const int MaxScratchFloats = 16_384;

    public Policy(Mlp network, PolicyHead head, ObservationSpec observation, ActionSpec actions)
    {
        ArgumentNullException.ThrowIfNull(network);
        observation.Validate();
        if (observation.Size != network.InputSize)
        {
            throw new ArgumentException($"Observation spec has {observation.Size} features, the network takes {network.InputSize}.", nameof(observation));
        }

        if (actions.Count != network.OutputSize)
        {
            throw new ArgumentException($"Action spec has {actions.Count} actions, the network outputs {network.OutputSize}.", nameof(actions));
        }

        var scratch = network.InputSize + network.ScratchSize + (2 * network.OutputSize);
        if (scratch > MaxScratchFloats)
        {
            throw new ArgumentException($"Network '{network.Name}' needs {scratch} floats of scratch per decision; serving supports at most {MaxScratchFloats}.", nameof(network));
        }

        Network = network;
        Head = head;
        Observation = observation;
        Actions = actions;
    }

    public Mlp Network { get; }

    public PolicyHead Head { get; }

    public ObservationSpec Observation { get; }

    public ActionSpec Actions { get; }

    /// <summary>Raw network outputs (logits or Q-values) for one raw observation.</summary>
    public void Scores(ReadOnlySpan<float> observation, Span<float> scores)
    {
        Span<float> normalized = stackalloc float[Network.InputSize];
        Span<float> scratch = stackalloc float[Network.ScratchSize];
        Observation.Normalize(observation, normalized);
        Network.Infer(normalized, scores, scratch);
    }

    /// <summary>
    /// Writes π(a|s) for every action: the masked softmax for a categorical head, one-hot on the best allowed action for a
    /// Q-value head. Masked actions get exactly 0. <paramref name="logPrior"/>, when not empty, is added to the scores first:
    /// a policy trained with a state prior (<see cref="Algorithms.TrainingSetup.StateLogPrior"/>) must be served with it.
    /// </summary>
    public void ActionProbabilities(ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask, Span<float> probabilities, ReadOnlySpan<float> logPrior = default)
    {
        CheckMask(mask, probabilities.Length);
        Span<float> scores = stackalloc float[Network.OutputSize];
        Scores(observation, scores, logPrior);
        if (Head == PolicyHead.Categorical)
        {
            MaskedCategorical.Probabilities(scores, mask, probabilities);
            return;
        }

        probabilities.Clear();
        probabilities[MaskedCategorical.ArgMax(scores, mask)] = 1f;
    }

    /// <summary>
    /// Chooses an allowed action. With <paramref name="uniformSample"/> ∈ [0, 1) a categorical policy samples (inverse CDF)
    /// and reports π(a|s); without it, or for a Q-value head, it picks the best allowed action with probability 1.
    /// <paramref name="logPrior"/> as in <see cref="ActionProbabilities"/>.
    /// </summary>
    public PolicyDecision Act(ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask, double? uniformSample = null, ReadOnlySpan<float> logPrior = default)
    {
        CheckMask(mask, Network.OutputSize);
        Span<float> scores = stackalloc float[Network.OutputSize];
        Scores(observation, scores, logPrior);
        if (Head == PolicyHead.QValues || uniformSample is null)
        {
            return new PolicyDecision(MaskedCategorical.ArgMax(scores, mask), 1f);
        }

        var u = uniformSample.Value;
        if (!(u >= 0 && u < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(uniformSample), $"Uniform sample must lie in [0, 1); got {u}.");
        }

        Span<float> logProbs = stackalloc float[Network.OutputSize];
        MaskedCategorical.LogProbabilities(scores, mask, logProbs);
        var action = MaskedCategorical.Sample(logProbs, mask, u);
        return new PolicyDecision(action, MathF.Exp(logProbs[action]));
    }

    private void Scores(ReadOnlySpan<float> observation, Span<float> scores, ReadOnlySpan<float> logPrior)
    {
        Scores(observation, scores);
        if (logPrior.IsEmpty)
        {
            return;
        }

        if (Head != PolicyHead.Categorical)
        {
            throw new ArgumentException("A log-prior offsets logits; this policy's head outputs Q-values.", nameof(logPrior));
        }

        if (logPrior.Length != scores.Length)
        {
            throw new ArgumentException($"Policy has {scores.Length} actions; got a log-prior of {logPrior.Length}.", nameof(logPrior));
        }

        TensorPrimitives.Add(scores, logPrior, scores);
    }

    private void CheckMask(ReadOnlySpan<bool> mask, int outputLength)
    {
        if (mask.Length != Network.OutputSize || outputLength != Network.OutputSize)
        {
            throw new ArgumentException($"Policy has {Network.OutputSize} actions; got a mask of {mask.Length} and an output of {outputLength}.", nameof(mask));
        }
    }
}
