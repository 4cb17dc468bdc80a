using Controller.Contracts;
using Controller.Offloading.EdgeCloud;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// A trace from the existing two-state <see cref="ChannelModel"/> stepped once per time step, for
/// comparing the per-request Markov channel the planner was built on with the Gauss–Markov traces on the
/// same time axis. Rates are drawn uniformly within the state's ranges, so unlike the generated traces
/// consecutive steps are independent inside a state.
/// </summary>
public static class MarkovChannelTrace
{
    public static ChannelTrace Generate(NetworkProfile profile, double durationSeconds, double stepSeconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Type is NetworkType.Disconnected)
        {
            throw new ArgumentException("A disconnected network has no trace: every step would be down.", nameof(profile));
        }

        TraceConfigChecks.Positive(stepSeconds, nameof(stepSeconds));
        TraceConfigChecks.Positive(durationSeconds, nameof(durationSeconds));
        int steps = (int)Math.Round(durationSeconds / stepSeconds);
        if (steps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds, "The trace must cover at least two steps.");
        }

        var random = new Random(seed);
        var model = new ChannelModel(profile);
        var samples = new TraceSample[steps];
        for (int i = 0; i < steps; i++)
        {
            var state = model.Next(random);
            samples[i] = new TraceSample(i * stepSeconds, state.UplinkMbps, state.DownlinkMbps, state.RttMs, state.IsUp);
        }

        return new ChannelTrace($"markov-{profile.Type.ToString().ToLowerInvariant()}", profile.Type, samples, steps * stepSeconds);
    }
}
