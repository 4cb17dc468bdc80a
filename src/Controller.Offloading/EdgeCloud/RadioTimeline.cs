namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// One device's cellular/Wi-Fi radio over time (the RRC state machine of Huang et al., MobiSys 2012, Table 3):
/// after a transfer the radio stays in its high-power tail until the next transfer or for
/// <see cref="NetworkProfile.TailSeconds"/>, then drops to idle; a transfer from idle first pays the promotion
/// delay. So a tail is charged only over the real gap to the next transfer, and a request that follows a long idle
/// waits for the promotion. Device times in seconds, monotone. Not thread-safe: one instance per simulated device.
/// </summary>
public sealed class RadioTimeline
{
    private double _lastTransferEndS = double.NegativeInfinity;
    private double _tailChargedUntilS = double.NegativeInfinity;

    public RadioTimeline(NetworkProfile network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    public NetworkProfile Network { get; }

    /// <summary>True when a transfer starting at <paramref name="startSeconds"/> finds the radio idle (the tail ran out, or no transfer yet).</summary>
    public bool NeedsPromotion(double startSeconds) => startSeconds - _lastTransferEndS >= Network.TailSeconds;

    /// <summary>
    /// Records a transfer (a cloud or speculative request) that started at <paramref name="startSeconds"/> and ended at
    /// <paramref name="endSeconds"/>, and returns the tail of the previous transfer that had not been charged yet (it ends
    /// here or ran out before), J. Promotion is the caller's (<see cref="NeedsPromotion"/>): it lengthens the request.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Times are not finite, run backwards, or start before the last transfer ended.</exception>
    public double Transfer(double startSeconds, double endSeconds)
    {
        if (!double.IsFinite(startSeconds) || !double.IsFinite(endSeconds) || endSeconds < startSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(endSeconds), endSeconds, $"A transfer must end (here {endSeconds}) at or after its start ({startSeconds}); both finite.");
        }

        if (startSeconds < _lastTransferEndS)
        {
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds, $"A transfer cannot start before the previous one ended ({_lastTransferEndS} s).");
        }

        double tail = ChargeTailUntil(startSeconds);
        _lastTransferEndS = endSeconds;
        _tailChargedUntilS = endSeconds;
        return tail;
    }

    /// <summary>
    /// The tail energy from where it was last charged up to <paramref name="nowSeconds"/> (capped at the tail's end), J;
    /// called as device time passes so each step pays the tail its own gap burned.
    /// </summary>
    public double ChargeTailUntil(double nowSeconds)
    {
        if (double.IsNegativeInfinity(_lastTransferEndS))
        {
            return 0;
        }

        double until = Math.Min(nowSeconds, _lastTransferEndS + Network.TailSeconds);
        if (until <= _tailChargedUntilS)
        {
            return 0;
        }

        double joules = Network.TailWatts * (until - _tailChargedUntilS);
        _tailChargedUntilS = until;
        return joules;
    }
}
