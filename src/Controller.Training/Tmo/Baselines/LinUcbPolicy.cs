using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Baselines;

/// <summary>
/// Disjoint LinUCB (Li et al., 2010): a ridge regression of reward on a context per action, played
/// by upper confidence bound θₐᵀx + α·√(xᵀAₐ⁻¹x). Context: bias, task one-hot, turn over the longest
/// dialogue, budget spent so far (both as fractions), and the previous turn's location and share of
/// modalities uploaded. Aₐ⁻¹ is kept by Sherman–Morrison updates.
/// </summary>
public sealed class LinUcbPolicy : ITmoPolicy
{
    /// <summary>Width of the confidence bonus; Li et al.'s experiments use values near 1.</summary>
    public const double DefaultAlpha = 1.0;

    private readonly int _taskCount;
    private readonly double _alpha;
    private readonly double[][,] _inverse;
    private readonly double[][] _b;
    private readonly double[] _context;

    public LinUcbPolicy(int taskCount, int actionCount, double alpha = DefaultAlpha)
    {
        _taskCount = taskCount;
        _alpha = alpha;
        var d = ContextLength;
        _context = new double[d];
        _inverse = new double[actionCount][,];
        _b = new double[actionCount][];
        for (var a = 0; a < actionCount; a++)
        {
            _inverse[a] = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                _inverse[a][i, i] = 1.0;
            }

            _b[a] = new double[d];
        }
    }

    public string Name => "LinUCB";

    public bool UsesBudgetMask => false;

    private int ContextLength => 1 + _taskCount + 5;

    public void BeginEpisode(TmoEnvironment environment)
    {
    }

    public int ChooseAction(TmoEnvironment environment, ReadOnlySpan<float> observation, ReadOnlySpan<bool> mask)
    {
        WriteContext(environment, environment.Turn);
        return ArmStatistics.ArgMax(mask, action =>
        {
            var theta = Multiply(_inverse[action], _b[action]);
            var ax = Multiply(_inverse[action], _context);
            return Dot(theta, _context) + (_alpha * Math.Sqrt(Math.Max(0, Dot(_context, ax))));
        });
    }

    public void Observe(TmoEnvironment environment, in TmoStepOutcome outcome)
    {
        // The context of the decided turn: spending before the step, which Observe sees after it.
        WriteContext(environment, outcome.Turn, outcome.LatencyS, outcome.UsageUsd);
        var inverse = _inverse[outcome.Action];
        var ax = Multiply(inverse, _context);
        var denominator = 1 + Dot(_context, ax);
        var d = _context.Length;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                inverse[i, j] -= ax[i] * ax[j] / denominator;
            }

            _b[outcome.Action][i] += outcome.Reward * _context[i];
        }
    }

    private void WriteContext(TmoEnvironment environment, int turn, double justSpentLatencyS = 0, double justSpentUsageUsd = 0)
    {
        Array.Clear(_context);
        var dialogue = environment.Dialogue;
        var space = environment.Problem.Space;
        var options = environment.Options;
        _context[0] = 1;
        _context[1 + dialogue.Turns[turn].TaskId] = 1;
        var offset = 1 + _taskCount;
        _context[offset] = (double)turn / environment.MaxTurns;
        _context[offset + 1] = (environment.SpentLatencyS - justSpentLatencyS) / options.LatencyBudgetS;
        _context[offset + 2] = (environment.SpentUsageUsd - justSpentUsageUsd) / options.UsageBudgetUsd;
        if (turn > 0 && environment.History.Length >= turn)
        {
            var previous = environment.History[turn - 1];
            _context[offset + 3] = space.IsCloud(previous) ? 1 : 0;
            _context[offset + 4] = (double)space.ImageCount(previous) / space.ModalityCount;
        }
    }

    private static double[] Multiply(double[,] matrix, double[] vector)
    {
        var result = new double[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < vector.Length; j++)
            {
                sum += matrix[i, j] * vector[j];
            }

            result[i] = sum;
        }

        return result;
    }

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
