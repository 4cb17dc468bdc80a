using Controller.Training.OffPolicy;
using Controller.Training.OffPolicy.KnownAnswer;
using Controller.Training.OffPolicy.OutcomeModels;

namespace Controller.Training.Tests.OffPolicy;

public sealed class OutcomeModelTests
{
    [Fact]
    public void FastTree_KnownProblemLog_PredictsEveryCellMeanBetterThanAConstant()
    {
        var problem = KnownBanditProblem.Standard;
        var log = problem.Generate(3000, new Random(11));
        var model = new FastTreeOutcomeModel().Fit(log, OutcomeColumn.Reward, problem.ActionCount);

        var cells = new List<(int Context, int Action)>();
        for (var c = 0; c < problem.ContextCount; c++)
        {
            for (var a = 0; a < problem.ActionCount; a++)
            {
                if (problem.Mask[c][a])
                {
                    cells.Add((c, a));
                }
            }
        }

        var queries = cells.Select(cell => new OutcomeQuery(log.First(d => d.Context[cell.Context] == 1), cell.Action)).ToArray();
        var predictions = model.Predict(queries);
        var truth = cells.Select(cell => problem.RewardMeans[cell.Context][cell.Action]).ToArray();
        var modelError = predictions.Zip(truth, (p, t) => (p - t) * (p - t)).Average();
        var constant = log.Average(d => d.Reward);
        var constantError = truth.Average(t => (constant - t) * (constant - t));

        // Measured 2026-12-03: every cell within 0.06 of its mean; the constant's mean squared error is 0.07.
        Assert.All(predictions.Zip(truth), pair => Assert.InRange(pair.First - pair.Second, -0.1, 0.1));
        Assert.True(modelError < constantError / 10, $"model MSE {modelError}, constant MSE {constantError}");
    }

    [Fact]
    public void FastTree_SameSeedSameData_SamePredictions()
    {
        var log = KnownBanditProblem.Standard.Generate(400, new Random(2));
        OutcomeQuery[] queries = [new(log[0], 0), new(log[1], 1), new(log[2], 2)];

        var first = new FastTreeOutcomeModel().Fit(log, OutcomeColumn.Reward, 4).Predict(queries);
        var second = new FastTreeOutcomeModel().Fit(log, OutcomeColumn.Reward, 4).Predict(queries);

        Assert.Equal(first, second);
    }

    [Fact]
    public void FastTreeSettings_NoTrees_RefusedNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FastTreeOutcomeModel(new FastTreeOutcomeSettings { NumberOfTrees = 0 }));

        Assert.Equal(nameof(FastTreeOutcomeSettings.NumberOfTrees), error.ParamName);
    }

    [Fact]
    public void CrossFitting_ActionMeans_EachRecordPredictedFromTheOtherFoldOnly()
    {
        var log = KnownBanditProblem.Standard.Generate(40, new Random(4));
        var target = log.Select(_ => new[] { 0.25, 0.25, 0.25, 0.25 }).ToArray();
        var folds = CrossFitting.AssignFolds(log.Count, 2, seed: 9);

        var (direct, logged) = CrossFitting.Predict(log, target, OutcomeColumn.Reward, new ActionMeanOutcomeModel(), folds, 2, 4);

        for (var i = 0; i < log.Count; i++)
        {
            var others = log.Where((d, j) => folds[j] != folds[i]).ToArray();
            double Mean(int a) => others.Any(d => d.Action == a) ? others.Where(d => d.Action == a).Average(d => d.Reward) : others.Average(d => d.Reward);
            Assert.Equal(Mean(log[i].Action), logged[i], 12);
            Assert.Equal(Enumerable.Range(0, 4).Sum(a => 0.25 * Mean(a)), direct[i], 12);
        }
    }

    [Fact]
    public void CrossFitting_AssignFolds_BalancedAndReproducible()
    {
        var folds = CrossFitting.AssignFolds(101, 5, seed: 3);

        Assert.Equal(folds, CrossFitting.AssignFolds(101, 5, seed: 3));
        Assert.All(Enumerable.Range(0, 5), k => Assert.InRange(folds.Count(f => f == k), 20, 21));
    }

    [Fact]
    public void Evaluate_DoublyRobustWithFastTree_ReportsTheModelAndFolds()
    {
        var problem = KnownBanditProblem.Standard;
        var report = OffPolicyEvaluator.Evaluate(problem.Generate(500, new Random(1)), problem.TargetPolicy(), new OffPolicyOptions());

        Assert.NotNull(report.Reward.DoublyRobust);
        Assert.All(report.Costs, c => Assert.NotNull(c.DoublyRobust));
        Assert.Contains("FastTree", report.OutcomeModel, StringComparison.Ordinal);
        Assert.Contains("cross-fitted over 2 folds", report.OutcomeModel, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FastTreeOnAConstantCost_DoublyRobustIsThatConstant()
    {
        // A fleet that never paid for the cloud logs $0 everywhere: the regression has nothing to split on.
        var problem = KnownBanditProblem.Standard;
        var log = problem.Generate(200, new Random(6)).Select(d => d with { Costs = [d.Costs[0], 0, d.Costs[2]] }).ToArray();

        var report = OffPolicyEvaluator.Evaluate(log, problem.TargetPolicy(), new OffPolicyOptions());

        var spend = report.Find(CostNames.CloudUsd)!.DoublyRobust!;
        Assert.Equal(0.0, spend.Value, 9);
        Assert.Equal(0.0, spend.Upper, 9);
    }
}
