using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>Writes the agent's observation in either <see cref="TmoObservationMode"/>.</summary>
public sealed class TmoObservationEncoder
{
    private readonly TmoHistoryEncoding _raw;
    private readonly int _taskCount;
    private readonly int _maxTurns;

    public TmoObservationEncoder(TmoHistoryEncoding raw, int taskCount, int maxTurns, TmoObservationMode mode)
    {
        _raw = raw;
        _taskCount = taskCount;
        _maxTurns = maxTurns;
        Mode = mode;
    }

    public TmoObservationMode Mode { get; }

    /// <summary>Numbers per turn in the improved window: presence, local, cloud, M modalities, task one-hot.</summary>
    public int ImprovedStateLength => 3 + _raw.Space.ModalityCount + _taskCount;

    /// <summary>Number of trailing budget and progress features of the improved observation.</summary>
    public const int ProgressFeatureCount = 3;

    /// <summary>Length of the observation.</summary>
    public int Size => Mode switch
    {
        TmoObservationMode.Reference => _raw.WindowLength,
        TmoObservationMode.Improved => (_raw.Window * ImprovedStateLength) + ProgressFeatureCount,
        _ => (_raw.Window * ImprovedStateLength) + ProgressFeatureCount + _raw.Space.ActionCount,
    };

    /// <summary>True when the observation ends with every action's estimated one-step reward.</summary>
    public bool ShowsRewards => Mode == TmoObservationMode.ImprovedWithRewards;

    /// <summary>Names of the observation features, in order (for policy bundles and audits).</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>(Size);
        var m = _raw.Space.ModalityCount;
        for (var slot = 0; slot < _raw.Window; slot++)
        {
            var age = _raw.Window - 1 - slot;
            if (Mode == TmoObservationMode.Reference)
            {
                names.Add($"t-{age}/previous_location");
                names.AddRange(Enumerable.Range(0, m).Select(i => $"t-{age}/previous_modality_{i}"));
                names.Add($"t-{age}/task");
                continue;
            }

            names.Add($"t-{age}/present");
            names.Add($"t-{age}/previous_local");
            names.Add($"t-{age}/previous_cloud");
            names.AddRange(Enumerable.Range(0, m).Select(i => $"t-{age}/previous_modality_{i}"));
            names.AddRange(Enumerable.Range(0, _taskCount).Select(i => $"t-{age}/task_{i}"));
        }

        if (Mode != TmoObservationMode.Reference)
        {
            names.AddRange(["remaining_latency_fraction", "remaining_usage_fraction", "turn_fraction"]);
        }

        if (ShowsRewards)
        {
            names.AddRange(Enumerable.Range(0, _raw.Space.ActionCount).Select(a => $"estimated_reward/{_raw.Space.Label(a)}"));
        }

        return names;
    }

    /// <summary>
    /// Writes the observation at <paramref name="turn"/> (turn = the dialogue's length gives the
    /// terminal observation). Remaining budgets are fractions of the budget;
    /// <paramref name="estimatedRewards"/> holds every action's one-step reward at this turn (empty at the end).
    /// </summary>
    public void Write(TmoDialogue dialogue, int turn, ReadOnlySpan<int> history, double remainingLatencyFraction, double remainingUsageFraction, ReadOnlySpan<double> estimatedRewards, Span<float> observation)
    {
        if (Mode == TmoObservationMode.Reference)
        {
            _raw.WriteWindow(dialogue, turn, history, observation);
            return;
        }

        Span<float> raw = stackalloc float[_raw.WindowLength];
        _raw.WriteWindow(dialogue, turn, history, raw);
        var m = _raw.Space.ModalityCount;
        for (var slot = 0; slot < _raw.Window; slot++)
        {
            var source = raw.Slice(slot * _raw.StateLength, _raw.StateLength);
            var target = observation.Slice(slot * ImprovedStateLength, ImprovedStateLength);
            target.Clear();
            var task = (int)source[^1];
            var present = task >= 0;
            if (!present)
            {
                continue;
            }

            target[0] = 1f;
            target[1] = source[0] == 0f ? 1f : 0f;
            target[2] = source[0] == 1f ? 1f : 0f;
            source.Slice(1, m).CopyTo(target.Slice(3, m));
            target[3 + m + task] = 1f;
        }

        var progress = observation[(_raw.Window * ImprovedStateLength)..];
        progress[0] = (float)Math.Clamp(remainingLatencyFraction, -1, 1);
        progress[1] = (float)Math.Clamp(remainingUsageFraction, -1, 1);
        progress[2] = (float)Math.Min(1.0, (double)turn / _maxTurns);
        if (!ShowsRewards)
        {
            return;
        }

        var rewards = progress[ProgressFeatureCount..];
        rewards.Clear();
        for (var action = 0; action < estimatedRewards.Length; action++)
        {
            rewards[action] = (float)estimatedRewards[action];
        }
    }
}
