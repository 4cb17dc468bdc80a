using Controller.Learning.Environments;

namespace Controller.Learning.Tests.Environments;

public sealed class BudgetConditionedEnvironmentTests
{
    [Fact]
    public void Step_SampledBudget_AppendsBudgetFeaturesAndNormalisesCost()
    {
        var inner = new TableBandit(new float[,] { { 1f, 0f } }, new float[1, 2, 1] { { { 4f }, { 0f } } }, ["latency_s"]);
        var env = new BudgetConditionedEnvironment(inner, [new BudgetRange("latency_s", 10, 20)]);
        var observation = new float[3];
        var mask = new bool[2];
        var costs = new float[1];

        env.Reset(42, observation, mask);
        var budget = env.CurrentBudgets[0];
        env.Step(0, observation, mask, costs);

        Assert.InRange(budget, 10, 20);
        Assert.Equal(3, env.Spec.ObservationSize);
        Assert.Equal((float)(4 / budget), costs[0], 6);
        Assert.Equal((float)(budget / 20), observation[1], 6);
        Assert.Equal((float)((budget - 4) / budget), observation[2], 6);
    }

    [Fact]
    public void Reset_DifferentSeeds_SampleDifferentBudgets()
    {
        var inner = new TableBandit(new float[,] { { 1f } }, new float[1, 1, 1], ["usage_usd"]);
        var env = new BudgetConditionedEnvironment(inner, [new BudgetRange("usage_usd", 0.01, 0.05)]);
        var budgets = Enumerable.Range(0, 20).Select(seed =>
        {
            env.Reset(seed, new float[3], new bool[1]);
            return env.CurrentBudgets[0];
        }).Distinct().Count();

        Assert.True(budgets > 15);
    }

    [Fact]
    public void Constructor_RangeForUnknownCost_ThrowsNamingCost()
    {
        var inner = new TableBandit(new float[,] { { 1f } }, new float[1, 1, 1], ["usage_usd"]);

        var ex = Assert.Throws<ArgumentException>(() => new BudgetConditionedEnvironment(inner, [new BudgetRange("energy_j", 1, 2)]));

        Assert.Contains("'energy_j'", ex.Message);
    }
}
