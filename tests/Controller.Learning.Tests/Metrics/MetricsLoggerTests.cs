using System.Text.Json;
using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Metrics;
using Controller.Learning.Tests.KnownAnswer;

namespace Controller.Learning.Tests.Metrics;

public sealed class MetricsLoggerTests
{
    [Fact]
    public void Record_KeyWithoutPhase_ThrowsNamingKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetricsLogger().Record("loss", 1));

        Assert.Contains("'loss'", ex.Message);
    }

    [Fact]
    public void Dump_SameKeyTwice_WritesMeanToEverySink()
    {
        var csv = new StringWriter();
        var jsonl = new StringWriter();
        var console = new StringWriter();
        var logger = new MetricsLogger(new CsvMetricsSink(csv), new JsonlMetricsSink(jsonl), new ConsoleMetricsSink(console));

        logger.Record("train/loss", 1);
        logger.Record("train/loss", 3);
        logger.Dump(64);

        Assert.Contains("64,train/loss,2", csv.ToString());
        using var line = JsonDocument.Parse(jsonl.ToString().Trim());
        Assert.Equal(2, line.RootElement.GetProperty("values").GetProperty("train/loss").GetDouble());
        Assert.Equal(64, line.RootElement.GetProperty("timesteps").GetInt64());
        Assert.Contains("| train/loss", console.ToString());
    }

    [Fact]
    public void Learn_RcPpo_WritesHyperparametersFirstThenPhaseKeyedMetrics()
    {
        var jsonl = new StringWriter();
        var setup = new TrainingSetup([Problems.ConstrainedBandit()], 1)
        {
            Constraints = new ConstraintSettings([new ConstraintBudget("spend", 0.3)]),
            Metrics = new MetricsLogger(new JsonlMetricsSink(jsonl)),
        };

        new Ppo(setup, new PpoHyperparameters(StepsPerRollout: 32, Epochs: 1)).Learn(64);

        var lines = jsonl.ToString().Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("hyperparameters", lines[0].GetProperty("type").GetString());
        Assert.Equal("RC-PPO", lines[0].GetProperty("algorithm").GetString());
        Assert.Equal("0.2", lines[0].GetProperty("values").GetProperty("ClipRange").GetString());
        Assert.Equal("0.3", lines[0].GetProperty("values").GetProperty("budget_spend").GetString());
        var keys = lines[1].GetProperty("values").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("train/policy_loss", keys);
        Assert.Contains("rollout/episode_reward", keys);
        Assert.Contains("rollout/episode_spend", keys);
        Assert.Contains("constraint/spend_lambda", keys);
        Assert.All(keys, k => Assert.Matches("^[a-z]+/[a-z_]+$", k));
    }
}
