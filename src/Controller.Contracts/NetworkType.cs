namespace Controller.Contracts;

/// <summary>The link an edge device is using right now, as the device sees it.</summary>
public enum NetworkType
{
    Wired,
    WiFi,
    FiveG,
    Lte,
    /// <summary>A cellular link with very low bandwidth or very long round trips.</summary>
    PoorCell,
    /// <summary>No usable uplink: cloud and speculative placements are infeasible.</summary>
    Disconnected,
}
