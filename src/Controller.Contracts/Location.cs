namespace Controller.Contracts;

/// <summary>Where a request is served.</summary>
public enum Location
{
    /// <summary>The on-device model answers; nothing leaves the device.</summary>
    Local,
    /// <summary>The cloud model answers, with the chosen modalities uploaded.</summary>
    Cloud,
    /// <summary>The device drafts tokens and the cloud model verifies them (edge–cloud speculative decoding).</summary>
    Speculative,
}
