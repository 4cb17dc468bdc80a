namespace Controller.Learning.Environments;

/// <summary>
/// Makes budgets part of the state: each episode draws a budget per cost, the observation gains two features per cost
/// (<c>budget / Max</c> and <c>remaining / budget</c>), and the costs it reports are divided by the episode's budget,
/// so "stay within this episode's budget" becomes the fixed constraint "expected episode cost ≤ 1" for the learner.
/// </summary>
public sealed class BudgetConditionedEnvironment : IEnvironment
{
    private readonly IEnvironment _inner;
    private readonly BudgetRange[] _ranges;
    private readonly int[] _costIndex;
    private readonly double[] _budgets;
    private readonly double[] _spent;
    private readonly float[] _rawCosts;
    private Random _random;

    public BudgetConditionedEnvironment(IEnvironment inner, IReadOnlyList<BudgetRange> ranges, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _ranges = ranges.ToArray();
        _costIndex = new int[_ranges.Length];
        for (var k = 0; k < _ranges.Length; k++)
        {
            var range = _ranges[k];
            _costIndex[k] = IndexOf(inner.Spec.CostNames, range.CostName);
            if (_costIndex[k] < 0)
            {
                throw new ArgumentException($"Budget range names cost '{range.CostName}', which the environment does not report (it has [{string.Join(", ", inner.Spec.CostNames)}]).", nameof(ranges));
            }

            if (!(range.Min > 0) || !(range.Max >= range.Min) || double.IsInfinity(range.Max))
            {
                throw new ArgumentException($"Budget range for '{range.CostName}' must satisfy 0 < Min ≤ Max < ∞; got [{range.Min}, {range.Max}].", nameof(ranges));
            }
        }

        Spec = inner.Spec with { ObservationSize = inner.Spec.ObservationSize + (2 * _ranges.Length) };
        _budgets = new double[_ranges.Length];
        _spent = new double[_ranges.Length];
        _rawCosts = new float[inner.Spec.CostCount];
        _random = new Random(seed);
    }

    public EnvironmentSpec Spec { get; }

    /// <summary>This episode's budget per range, in the cost's own unit.</summary>
    public IReadOnlyList<double> CurrentBudgets => _budgets;

    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        for (var k = 0; k < _ranges.Length; k++)
        {
            _budgets[k] = _ranges[k].Min + ((_ranges[k].Max - _ranges[k].Min) * _random.NextDouble());
            _spent[k] = 0;
        }

        _inner.Reset(seed, observation[.._inner.Spec.ObservationSize], actionMask);
        WriteBudgetFeatures(observation);
    }

    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        var result = _inner.Step(action, observation[.._inner.Spec.ObservationSize], actionMask, _rawCosts);
        _rawCosts.CopyTo(costs);
        for (var k = 0; k < _ranges.Length; k++)
        {
            var raw = _rawCosts[_costIndex[k]];
            _spent[k] += raw;
            costs[_costIndex[k]] = (float)(raw / _budgets[k]);
        }

        WriteBudgetFeatures(observation);
        return result;
    }

    private void WriteBudgetFeatures(Span<float> observation)
    {
        var offset = _inner.Spec.ObservationSize;
        for (var k = 0; k < _ranges.Length; k++)
        {
            observation[offset + (2 * k)] = (float)(_budgets[k] / _ranges[k].Max);
            observation[offset + (2 * k) + 1] = (float)((_budgets[k] - _spent[k]) / _budgets[k]);
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
