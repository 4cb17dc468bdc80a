namespace Controller.Training.Tmo.Baselines;

/// <summary>Running count and mean reward of each (task, action) arm, for the bandit baselines.</summary>
internal sealed class ArmStatistics(int taskCount, int actionCount)
{
    private readonly int[,] _counts = new int[taskCount, actionCount];
    private readonly double[,] _sums = new double[taskCount, actionCount];
    private readonly int[] _taskCounts = new int[taskCount];

    public int ActionCount => actionCount;

    public int Count(int task, int action) => _counts[task, action];

    public int TaskCount(int task) => _taskCounts[task];

    public double Sum(int task, int action) => _sums[task, action];

    public double Mean(int task, int action) => _counts[task, action] == 0 ? 0.0 : _sums[task, action] / _counts[task, action];

    public void Add(int task, int action, double reward)
    {
        _counts[task, action]++;
        _sums[task, action] += reward;
        _taskCounts[task]++;
    }

    /// <summary>The allowed action with the highest <paramref name="value"/>; the lowest index wins ties.</summary>
    public static int ArgMax(ReadOnlySpan<bool> mask, Func<int, double> value)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var action = 0; action < mask.Length; action++)
        {
            if (!mask[action])
            {
                continue;
            }

            var v = value(action);
            if (best < 0 || v > bestValue)
            {
                best = action;
                bestValue = v;
            }
        }

        return Math.Max(best, 0);
    }
}
