using Controller.Contracts;
using Controller.Offloading.EdgeCloud.Traces;

namespace Controller.Offloading.EdgeCloud.Environments;

/// <summary>
/// A generated channel trace over the existing two-state (good/bad) <see cref="ChannelModel"/>: the chain is
/// stepped once per <see cref="SlotSeconds"/> and the link holds its draw for the slot. Deterministic for a
/// seed; <see cref="At"/> wraps after <see cref="DurationSeconds"/>. The environment's fallback when no
/// shipped trace is chosen.
/// </summary>
public sealed class MarkovChannelTrace : IChannelTrace
{
    private readonly ChannelState[] _slots;

    /// <param name="profile">The network whose good/bad ranges and switching probabilities drive the chain.</param>
    /// <param name="seed">Seed of the chain.</param>
    /// <param name="slotSeconds">Seconds one draw holds. Default 2 s.</param>
    /// <param name="durationSeconds">Length before the trace wraps. Default 3,600 s.</param>
    public MarkovChannelTrace(NetworkProfile profile, int seed, double slotSeconds = 2, double durationSeconds = 3_600)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!(slotSeconds > 0) || !(durationSeconds >= slotSeconds) || double.IsInfinity(durationSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(slotSeconds), slotSeconds, "Need 0 < slotSeconds ≤ durationSeconds < ∞.");
        }

        Network = profile.Type;
        Name = $"markov-{profile.Type.ToString().ToLowerInvariant()}";
        SlotSeconds = slotSeconds;
        _slots = new ChannelState[(int)Math.Ceiling(durationSeconds / slotSeconds)];
        DurationSeconds = _slots.Length * slotSeconds;
        var model = new ChannelModel(profile);
        var random = new Random(seed);
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = model.Next(random);
        }
    }

    public string Name { get; }

    public NetworkType Network { get; }

    public double DurationSeconds { get; }

    /// <summary>Seconds one draw holds.</summary>
    public double SlotSeconds { get; }

    public ChannelState At(double timeSeconds)
    {
        if (double.IsNaN(timeSeconds) || timeSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "Time must be ≥ 0 s.");
        }

        var slot = (long)(timeSeconds / SlotSeconds) % _slots.Length;
        return _slots[slot];
    }
}
