namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// What a trace looks like at a glance: marginal min/median/max of each column while the link is up
/// (down rows carry zeros that would drag the statistics), the share of time the link is down and the
/// number of separate outages. Used by <c>controller traces show</c> and by the preset range tests.
/// </summary>
public sealed record ChannelTraceSummary(
    int Rows,
    double DurationSeconds,
    ColumnSummary UplinkMbps,
    ColumnSummary DownlinkMbps,
    ColumnSummary RttMs,
    double DownShare,
    int Outages)
{
    /// <param name="samples">Rows in time order (as read or generated).</param>
    /// <param name="durationSeconds">Trace length; each row is weighted by how long it lasts.</param>
    public static ChannelTraceSummary Of(IReadOnlyList<TraceSample> samples, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var up = new List<double>(samples.Count);
        var down = new List<double>(samples.Count);
        var rtt = new List<double>(samples.Count);
        double downSeconds = 0;
        int outages = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (s.LinkUp)
            {
                up.Add(s.UplinkMbps);
                down.Add(s.DownlinkMbps);
                rtt.Add(s.RttMs);
                continue;
            }

            double end = i + 1 < samples.Count ? samples[i + 1].TimeSeconds : durationSeconds;
            downSeconds += end - s.TimeSeconds;
            if (i == 0 || samples[i - 1].LinkUp)
            {
                outages++;
            }
        }

        return new(samples.Count, durationSeconds, ColumnSummary.Of(up), ColumnSummary.Of(down), ColumnSummary.Of(rtt),
            durationSeconds > 0 ? downSeconds / durationSeconds : 0, outages);
    }

    /// <summary>The summary of <paramref name="trace"/>.</summary>
    public static ChannelTraceSummary Of(ChannelTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Of(trace.Samples, trace.DurationSeconds);
    }
}
