namespace Controller.Learning.Environments;

/// <summary>
/// Shape of an environment: what learners and policy bundles need to size networks and check
/// that a policy fits the problem it is loaded for.
/// </summary>
/// <param name="ObservationSize">Length of the observation vector.</param>
/// <param name="ActionCount">Number of discrete actions (composite actions are flattened).</param>
/// <param name="CostNames">One name per constrained resource, in the order of the cost vector, e.g. <c>latency_s</c>, <c>usage_usd</c>.</param>
public sealed record EnvironmentSpec(int ObservationSize, int ActionCount, IReadOnlyList<string> CostNames)
{
    /// <summary>Number of constrained resources (length of the cost vector).</summary>
    public int CostCount => CostNames.Count;
}
