namespace Controller.Training.OffPolicy;

/// <summary>The off-policy estimators this library computes.</summary>
public enum EstimatorKind
{
    /// <summary>Inverse propensity scoring (Horvitz–Thompson).</summary>
    Ips,

    /// <summary>Self-normalised IPS (Swaminathan &amp; Joachims 2015).</summary>
    SelfNormalizedIps,

    /// <summary>Doubly robust (Dudík, Langford &amp; Li 2011) with a cross-fitted outcome model.</summary>
    DoublyRobust,
}
