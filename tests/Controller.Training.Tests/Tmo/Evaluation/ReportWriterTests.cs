using Controller.Training.Reports;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Tests.Tmo.Evaluation;

public sealed class ReportWriterTests
{
    private static readonly EvaluationReport Report = TmoEvaluator.Run(
        SyntheticGenerator.Generate(new SyntheticScenario(Dialogues: 20, Seed: 3)),
        new EvaluationSettings([0, 1], TmoDeviceProfile.Default, TmoNetworkProfile.Get("linear"), new TmoEnvironmentOptions()),
        BaselineCatalog.Resolve("local,greedy,oracle,oracle-feasible"));

    [Fact]
    public void Evaluate_SyntheticTwoSeeds_OracleBoundsTheOthers()
    {
        Assert.Equal(["Local", "Greedy", "Oracle", "Oracle (budget-feasible)"], Report.Summaries.Select(s => s.Method));
        Assert.All(Report.Summaries, s => Assert.Equal(2, s.Seeds));
        var oracle = Report.Summaries.Single(s => s.Method == "Oracle").Reward.Mean;
        Assert.All(Report.Summaries, s => Assert.True(s.Reward.Mean <= oracle + 1e-9, $"{s.Method} above the oracle"));
        Assert.Equal(0.0, Report.Summaries.Single(s => s.Method == "Oracle (budget-feasible)").LatencyViolationShare.Mean);
    }

    [Fact]
    public void Csv_FourMethods_HeaderAndOneRowEach()
    {
        var lines = ReportWriters.Csv(Report).TrimEnd().Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("method,seeds,score_mean,score_sd", lines[0]);
        Assert.StartsWith("Local,2,", lines[1]);
        Assert.Equal(20, lines[1].Split(',').Length);
    }

    [Fact]
    public void Markdown_Table_HasEveryMethodAndOracleShare()
    {
        var markdown = ReportWriters.Markdown(Report);

        Assert.Contains("| Method | Score R̂ |", markdown);
        Assert.Contains("| Oracle | ", markdown);
        Assert.Contains("100.0 %", markdown);
        Assert.Contains("2 seeds", markdown);
    }

    [Fact]
    public void Json_Compact_IsOneLineWithMethods()
    {
        var json = ReportWriters.JsonText(Report, includeSeeds: false, indented: false);

        Assert.DoesNotContain('\n', json);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(4, document.RootElement.GetProperty("methods").GetArrayLength());
    }

    [Fact]
    public void Svg_RewardAgainstCost_IsWellFormedXmlWithOnePointPerMethod()
    {
        var svg = SvgCharts.RewardAgainstCost(Report, latencyAxis: false);

        var document = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal(4, document.Descendants().Count(e => e.Name.LocalName == "circle"));
    }

    [Fact]
    public void LearningCurve_LongFormatCsv_ReadsEpisodeReward()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curve-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "timesteps,key,value\n0,hyperparameters/algorithm,A2C\n100,rollout/episode_reward,1.5\n100,train/loss,0.2\n200,rollout/episode_reward,2.5\n");

            Assert.Equal([(100.0, 1.5), (200.0, 2.5)], LearningCurveFile.Read(path));
            Assert.Contains("curve", SvgCharts.LearningCurves([("a", LearningCurveFile.Read(path))], "reward"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LearningCurve_WrongHeader_NamesFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curve-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "step,reward\n");

            var error = Assert.Throws<InvalidDataException>(() => LearningCurveFile.Read(path));

            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
