using Controller.Learning.Constraints;
using Controller.Learning.Environments;
using Controller.Learning.Metrics;

namespace Controller.Learning.Algorithms;

/// <summary>The last <see cref="Capacity"/> finished episodes (SB3's <c>ep_info_buffer</c>), for metrics and summaries.</summary>
internal sealed class EpisodeWindow(EnvironmentSpec spec)
{
    public const int Capacity = 100;

    private readonly Queue<EpisodeStatistics> _recent = new();

    public long Total { get; private set; }

    public void Add(IEnumerable<EpisodeStatistics> episodes)
    {
        foreach (var episode in episodes)
        {
            _recent.Enqueue(episode);
            if (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }

            Total++;
        }
    }

    public void Record(MetricsLogger metrics, LagrangeMultipliers multipliers)
    {
        if (_recent.Count > 0)
        {
            metrics.Record("rollout/episode_reward", _recent.Average(e => e.Return));
            metrics.Record("rollout/episode_length", _recent.Average(e => e.Length));
            for (var c = 0; c < spec.CostCount; c++)
            {
                metrics.Record($"rollout/episode_{spec.CostNames[c]}", _recent.Average(e => e.Costs[c]));
            }
        }

        for (var k = 0; k < multipliers.Count; k++)
        {
            metrics.Record($"constraint/{multipliers.Budgets[k].CostName}_lambda", multipliers.Values[k]);
        }
    }

    public TrainingSummary Summarize(long timesteps, LagrangeMultipliers multipliers)
    {
        var costs = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < spec.CostCount; c++)
        {
            costs[spec.CostNames[c]] = _recent.Count > 0 ? _recent.Average(e => e.Costs[c]) : double.NaN;
        }

        var lambdas = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < multipliers.Count; k++)
        {
            lambdas[multipliers.Budgets[k].CostName] = multipliers.Values[k];
        }

        return new TrainingSummary(timesteps, Total, _recent.Count > 0 ? _recent.Average(e => e.Return) : double.NaN, costs, lambdas);
    }
}
