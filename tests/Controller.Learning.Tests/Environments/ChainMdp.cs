using Controller.Learning.Environments;
using Controller.Learning.Policies;

namespace Controller.Learning.Tests.Environments;

/// <summary>
/// A chain of <see cref="Length"/> states observed one-hot, each episode starting in a uniformly drawn state. Action 0
/// (advance) pays nothing and moves one state on; in the last state it either pays <see cref="GoalReward"/> and ends the
/// episode, or — with <see cref="LoopReward"/> set — pays that and stays, so the chain never ends by itself. Action 1
/// (quit) pays <see cref="QuitReward"/> and ends the episode. <see cref="TimeLimit"/> truncates an episode after that
/// many steps: the MDP does not change, so a learner must bootstrap through the cut to find the values below.
/// Optimal values are closed-form (<see cref="OptimalValue"/>), and a policy's exact value follows from its action
/// probabilities alone (<see cref="PolicyValue"/>), so no sampling enters the verdict.
/// </summary>
internal sealed class ChainMdp : IEnvironment
{
    public const int Advance = 0;
    public const int Quit = 1;

    private Random _random = new(0);
    private int _state;
    private int _steps;

    public ChainMdp(int length) => Spec = new EnvironmentSpec(length, 2, []);

    public EnvironmentSpec Spec { get; }

    public int Length => Spec.ObservationSize;

    /// <summary>Paid by advancing out of the last state, which ends the episode; ignored when <see cref="LoopReward"/> is set.</summary>
    public float GoalReward { get; init; } = 1f;

    /// <summary>When set, advancing in the last state pays this every step and stays there: an infinite-horizon chain.</summary>
    public float? LoopReward { get; init; }

    public float QuitReward { get; init; } = 0.5f;

    /// <summary>Steps after which an episode is truncated; unlimited when null.</summary>
    public int? TimeLimit { get; init; }

    /// <summary>Episodes cut by <see cref="TimeLimit"/> so far (a truncated test must really truncate).</summary>
    public int Truncations { get; private set; }

    /// <summary>
    /// V*(s) = max(q, γ·V*(s + 1)), with V*(last) = max(q, G) for a goal or max(q, r / (1 − γ)) for a loop (advancing
    /// forever is worth r / (1 − γ) and, if it beats quitting once, beats it at every later visit too).
    /// </summary>
    public double OptimalValue(int state, double gamma)
    {
        var value = Math.Max(QuitReward, LoopReward is { } r ? r / (1 - gamma) : GoalReward);
        for (var s = Length - 2; s >= state; s--)
        {
            value = Math.Max(QuitReward, gamma * value);
        }

        return value;
    }

    /// <summary>Mean of <see cref="OptimalValue"/> over the uniformly drawn start state.</summary>
    public double OptimalStartValue(double gamma) => Enumerable.Range(0, Length).Average(s => OptimalValue(s, gamma));

    /// <summary>
    /// Exact discounted value of <paramref name="policy"/> from each state, by backward recursion on p(s) = π(advance | s):
    /// V(last) = p·G + (1 − p)·q, or (p·r + (1 − p)·q) / (1 − γ·p) for a loop; V(s) = p·γ·V(s + 1) + (1 − p)·q.
    /// </summary>
    public double[] PolicyValue(Policy policy, double gamma)
    {
        var values = new double[Length];
        var p = AdvanceProbabilities(policy);
        var last = Length - 1;
        values[last] = LoopReward is { } r
            ? ((p[last] * r) + ((1 - p[last]) * QuitReward)) / (1 - (gamma * p[last]))
            : (p[last] * GoalReward) + ((1 - p[last]) * QuitReward);
        for (var s = last - 1; s >= 0; s--)
        {
            values[s] = (p[s] * gamma * values[s + 1]) + ((1 - p[s]) * QuitReward);
        }

        return values;
    }

    /// <summary>π(advance | s) for every state.</summary>
    public double[] AdvanceProbabilities(Policy policy)
    {
        var probabilities = new float[2];
        return Enumerable.Range(0, Length).Select(s =>
        {
            policy.ActionProbabilities(Observation(s), [true, true], probabilities);
            return (double)probabilities[Advance];
        }).ToArray();
    }

    /// <summary>The one-hot observation of <paramref name="state"/>.</summary>
    public float[] Observation(int state)
    {
        var observation = new float[Length];
        observation[state] = 1f;
        return observation;
    }

    public void Reset(int? seed, Span<float> observation, Span<bool> actionMask)
    {
        if (seed is { } s)
        {
            _random = new Random(s);
        }

        _state = _random.Next(Length);
        _steps = 0;
        Observe(observation, actionMask);
    }

    public StepResult Step(int action, Span<float> observation, Span<bool> actionMask, Span<float> costs)
    {
        _steps++;
        var last = _state == Length - 1;
        float reward;
        var terminated = true;
        if (action == Quit)
        {
            reward = QuitReward;
        }
        else if (!last)
        {
            reward = 0f;
            terminated = false;
            _state++;
        }
        else if (LoopReward is { } loop)
        {
            reward = loop;
            terminated = false;
        }
        else
        {
            reward = GoalReward;
        }

        var truncated = !terminated && _steps >= TimeLimit;
        Truncations += truncated ? 1 : 0;
        Observe(observation, actionMask);
        return new StepResult(reward, terminated, truncated);
    }

    private void Observe(Span<float> observation, Span<bool> actionMask)
    {
        observation.Clear();
        observation[_state] = 1f;
        actionMask.Fill(true);
    }
}
