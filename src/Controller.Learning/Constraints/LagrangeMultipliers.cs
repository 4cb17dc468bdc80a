using Controller.Learning.Environments;

namespace Controller.Learning.Constraints;

/// <summary>
/// One Lagrange multiplier per constraint, in the order of <see cref="ConstraintSettings.Budgets"/>, with the index of the
/// cost each one prices in the environment's cost vector.
/// </summary>
public sealed class LagrangeMultipliers
{
    private readonly ConstraintSettings _settings;
    private readonly double[] _values;
    private readonly double[] _integral;
    private readonly double[] _smoothedCost;
    private readonly double[] _previousSmoothedCost;
    private bool _hasPrevious;

    public LagrangeMultipliers(ConstraintSettings settings, EnvironmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        var count = settings.Budgets.Count;
        CostIndices = new int[count];
        for (var k = 0; k < count; k++)
        {
            var budget = settings.Budgets[k];
            var index = spec.CostNames.ToList().IndexOf(budget.CostName);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"Constraint on '{budget.CostName}' names a cost the environment does not report (it has [{string.Join(", ", spec.CostNames)}]).", nameof(settings));
            }

            if (!(budget.Budget >= 0) || double.IsInfinity(budget.Budget))
            {
                throw new ArgumentException($"Budget for '{budget.CostName}' must be finite and non-negative; got {budget.Budget}.", nameof(settings));
            }

            if (settings.Budgets.Take(k).Any(b => b.CostName == budget.CostName))
            {
                throw new ArgumentException($"Cost '{budget.CostName}' has more than one budget.", nameof(settings));
            }

            ((int[])CostIndices)[k] = index;
        }

        if (!(settings.MultiplierLearningRate >= 0) || !(settings.MaxMultiplier > 0) || !(settings.InitialMultiplier >= 0))
        {
            throw new ArgumentException(
                $"Multiplier settings need learning rate ≥ 0, max > 0, initial ≥ 0; got {settings.MultiplierLearningRate}, {settings.MaxMultiplier}, {settings.InitialMultiplier}.", nameof(settings));
        }

        _values = Enumerable.Repeat(Math.Min(settings.InitialMultiplier, settings.MaxMultiplier), count).ToArray();
        _integral = (double[])_values.Clone();
        _smoothedCost = new double[count];
        _previousSmoothedCost = new double[count];
    }

    public int Count => _values.Length;

    /// <summary>Current multipliers λ, one per constraint.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Index into the environment's cost vector of each constraint's cost.</summary>
    public IReadOnlyList<int> CostIndices { get; }

    public IReadOnlyList<ConstraintBudget> Budgets => _settings.Budgets;

    /// <summary>Σ λ_k, used to rescale the Lagrangian advantage.</summary>
    public double Sum => _values.Sum();

    /// <summary>Updates every multiplier from finished episodes' mean costs; does nothing when no episode finished.</summary>
    public void Update(IReadOnlyList<EpisodeStatistics> episodes)
    {
        if (episodes.Count == 0 || Count == 0)
        {
            return;
        }

        for (var k = 0; k < Count; k++)
        {
            var costIndex = CostIndices[k];
            var meanCost = episodes.Average(e => e.Costs[costIndex]);
            var error = meanCost - _settings.Budgets[k].Budget;
            if (_settings.Pid is { } pid)
            {
                _smoothedCost[k] = _hasPrevious ? ((1 - pid.CostSmoothing) * _smoothedCost[k]) + (pid.CostSmoothing * meanCost) : meanCost;
                var smoothedError = _smoothedCost[k] - _settings.Budgets[k].Budget;
                var derivative = _hasPrevious ? Math.Max(0, _smoothedCost[k] - _previousSmoothedCost[k]) : 0;
                _integral[k] = Math.Max(0, _integral[k] + (pid.Integral * error));
                _values[k] = Math.Clamp((pid.Proportional * smoothedError) + _integral[k] + (pid.Derivative * derivative), 0, _settings.MaxMultiplier);
                _previousSmoothedCost[k] = _smoothedCost[k];
            }
            else
            {
                _values[k] = Math.Clamp(_values[k] + (_settings.MultiplierLearningRate * error), 0, _settings.MaxMultiplier);
            }
        }

        _hasPrevious = true;
    }

    /// <summary>Shaped reward <c>r − Σ λ_k·c_k</c> over a step's cost vector.</summary>
    public float Shape(float reward, ReadOnlySpan<float> costs)
    {
        var shaped = (double)reward;
        for (var k = 0; k < Count; k++)
        {
            shaped -= _values[k] * costs[CostIndices[k]];
        }

        return (float)shaped;
    }
}
