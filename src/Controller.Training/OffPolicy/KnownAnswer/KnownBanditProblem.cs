using Controller.Learning.Nn;

namespace Controller.Training.OffPolicy.KnownAnswer;

/// <summary>
/// A contextual bandit whose true values are known exactly, to check off-policy estimators against: a few discrete
/// contexts drawn with known probabilities, a few actions (some masked in some contexts), a known mean reward and mean
/// energy, cloud spend and latency per (context, action), noise around them, a logging policy that explores and a
/// different target policy. The target's true per-decision value of each outcome is Σ_c p(c) Σ_a π(a|c) mean(c, a),
/// computed by enumeration.
/// </summary>
/// <remarks>
/// Noise: reward ~ N(mean, <see cref="RewardNoiseSd"/>²); each cost = mean × U(0.5, 1.5), so costs stay non-negative and
/// their expectation is the mean exactly. The context is the one-hot encoding of c.
/// </remarks>
public sealed record KnownBanditProblem
{
    public required double[] ContextProbabilities { get; init; }

    /// <summary>Mask[c][a]: whether action a may be taken in context c.</summary>
    public required bool[][] Mask { get; init; }

    /// <summary>Mean reward per (context, action).</summary>
    public required double[][] RewardMeans { get; init; }

    /// <summary>CostMeans[k][c][a]: mean of cost k (in <see cref="CostNames"/> order) per (context, action).</summary>
    public required double[][][] CostMeans { get; init; }

    public required double RewardNoiseSd { get; init; }

    /// <summary>The logging policy's μ(a | c); its propensities are logged exactly.</summary>
    public required double[][] Logging { get; init; }

    /// <summary>The target policy's π(a | c).</summary>
    public required double[][] Target { get; init; }

    /// <summary>Name of the logging policy in the generated records.</summary>
    public string LoggingName { get; init; } = "known-logging";

    public IReadOnlyList<string> CostNames { get; init; } = OffPolicy.CostNames.Service;

    public int ContextCount => ContextProbabilities.Length;

    public int ActionCount => Mask[0].Length;

    /// <summary>
    /// Three contexts, four actions (local, cloud text-only, cloud with an image, speculative), the last masked in the
    /// third context (say, the draft model does not fit), with outcome scales like the service's (tens of J, fractions
    /// of a cent, hundreds to thousands of ms). The logging policy explores everywhere with at least 0.1 per action; the
    /// target prefers other actions than the logging one in every context.
    /// </summary>
    public static KnownBanditProblem Standard { get; } = new()
    {
        ContextProbabilities = [0.5, 0.3, 0.2],
        Mask = [[true, true, true, true], [true, true, true, true], [true, true, true, false]],
        RewardMeans = [[0.6, 0.9, 1.1, 1.0], [0.4, 0.8, 0.7, 1.2], [0.9, 0.5, 0.6, 0.0]],
        CostMeans =
        [
            [[40, 8, 10, 14], [60, 9, 12, 20], [25, 6, 8, 0]],
            [[0, 0.0012, 0.0050, 0.0008], [0, 0.0015, 0.0060, 0.0010], [0, 0.0010, 0.0040, 0]],
            [[3000, 1500, 1900, 900], [4000, 1800, 2300, 1100], [2000, 1200, 1600, 0]],
        ],
        RewardNoiseSd = 0.3,
        Logging = [[0.4, 0.3, 0.2, 0.1], [0.4, 0.3, 0.2, 0.1], [0.5, 0.3, 0.2, 0]],
        Target = [[0.1, 0.2, 0.5, 0.2], [0.05, 0.15, 0.2, 0.6], [0.7, 0.2, 0.1, 0]],
    };

    /// <summary>
    /// The same problem logged as the service's baseline does: the logging policy's favourite allowed action with
    /// probability 1 − ε + ε/n, every other allowed action ε/n (n allowed actions).
    /// </summary>
    public KnownBanditProblem WithEpsilonGreedyLogging(double epsilon, int[] favourite)
    {
        if (!(epsilon > 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "must lie in (0, 1]: with ε = 0 the log has no support for any other action");
        }

        var logging = new double[ContextCount][];
        for (var c = 0; c < ContextCount; c++)
        {
            var allowed = Mask[c].Count(m => m);
            logging[c] = [.. Mask[c].Select((m, a) => !m ? 0 : (a == favourite[c] ? 1 - epsilon : 0) + (epsilon / allowed))];
        }

        return this with { Logging = logging, LoggingName = $"epsilon-greedy-{epsilon}" };
    }

    /// <summary>The target's true expected value per decision of every outcome: reward first, then each cost.</summary>
    public double[] TrueTargetValues()
    {
        var values = new double[1 + CostNames.Count];
        for (var c = 0; c < ContextCount; c++)
        {
            for (var a = 0; a < ActionCount; a++)
            {
                var p = ContextProbabilities[c] * Target[c][a];
                values[0] += p * RewardMeans[c][a];
                for (var k = 0; k < CostNames.Count; k++)
                {
                    values[1 + k] += p * CostMeans[k][c][a];
                }
            }
        }

        return values;
    }

    public TabularTargetPolicy TargetPolicy() => new("known-target", Target);

    /// <summary>Draws <paramref name="count"/> logged decisions: context, logged action and its propensity, noisy outcomes.</summary>
    public List<LoggedDecision> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var log = new List<LoggedDecision>(count);
        for (var i = 0; i < count; i++)
        {
            var c = Draw(ContextProbabilities, random.NextDouble());
            var a = Draw(Logging[c], random.NextDouble());
            var reward = RewardMeans[c][a] + (RewardNoiseSd * random.NextGaussian());
            var costs = new double[CostNames.Count];
            for (var k = 0; k < costs.Length; k++)
            {
                costs[k] = CostMeans[k][c][a] * (0.5 + random.NextDouble());
            }

            var context = new float[ContextCount];
            context[c] = 1;
            log.Add(new LoggedDecision(context, Mask[c], a, Logging[c][a], reward, costs, LoggingName, "1"));
        }

        return log;
    }

    private static int Draw(double[] probabilities, double u)
    {
        var cumulative = 0.0;
        var last = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] <= 0)
            {
                continue;
            }

            cumulative += probabilities[i];
            last = i;
            if (u < cumulative)
            {
                return i;
            }
        }

        // Rounding can leave the cumulative sum a hair below 1; the last possible action takes that sliver.
        return last;
    }
}
