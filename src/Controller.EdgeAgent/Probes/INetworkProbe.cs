namespace Controller.EdgeAgent.Probes;

/// <summary>The agent's estimate of its link. <see cref="NetworkEstimator"/> measures real traffic; simulated links implement it too.</summary>
public interface INetworkProbe
{
    NetworkEstimate Current { get; }
}
