using System.ComponentModel.DataAnnotations;

namespace Controller.Service.Options;

/// <summary>How <c>GET /v1/stats</c> counts. Section <c>Stats</c>.</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Stats";

    /// <summary>
    /// How old the row counts <c>/v1/stats</c> answers with may be, s: the counts scan whole tables, so they run at most
    /// once per this interval however often the endpoint is polled. Default 5.
    /// </summary>
    [Range(0.1, 3600)]
    public double RefreshSeconds { get; set; } = 5;
}
