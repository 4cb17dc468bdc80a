using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class QualityAndAcceptanceTests
{
    [Fact]
    public void RelevanceCoverage_TwoViews_OneMinusProductOfMisses()
    {
        // 1 − (1 − 0.5)(1 − 0.4) = 0.7
        Assert.Equal(0.7, QualityModel.RelevanceCoverage([0.5, 0.4]), 12);
    }

    [Fact]
    public void Cloud_AddingEqualViews_DiminishingReturns()
    {
        var quality = QualityModel.M4A1Medians;
        double none = quality.Cloud(0);
        double one = quality.Cloud(QualityModel.RelevanceCoverage([0.6]));
        double two = quality.Cloud(QualityModel.RelevanceCoverage([0.6, 0.6]));

        Assert.True(one - none > two - one, "the second equally relevant view must add less than the first");
        Assert.True(two > one);
    }

    [Theory]
    [InlineData("Assistive System")]
    [InlineData("Message Editing")]
    [InlineData("Query")]
    [InlineData("Recommendation")]
    [InlineData("a task nobody listed")]
    public void Local_EveryTask_BelowCloudTextOnly(string task)
    {
        var quality = QualityModel.M4A1Medians;

        Assert.True(quality.Local(task) < quality.CloudTextQuality);
    }

    [Fact]
    public void M4A1Medians_HandTabled_MatchDataset()
    {
        var quality = QualityModel.M4A1Medians;

        Assert.Equal(0.8889, quality.CloudTextQuality, 4);
        Assert.Equal(1.125, quality.Cloud(1), 4);
        Assert.Equal(0.0, quality.Local("query"), 4);
        Assert.Equal(0.5556, quality.Local("Something Else"), 4);
    }

    [Fact]
    public void WithUploads_RelevantImages_LowerAcceptance()
    {
        var acceptance = AcceptanceModel.Default;

        Assert.Equal(0.7, acceptance.WithUploads(0.7, 0), 12);
        Assert.Equal(0.7 * (1 - (0.25 * 0.9)), acceptance.WithUploads(0.7, 0.9), 12);
        Assert.True(acceptance.Prior("Message Editing") > acceptance.Prior("Recommendation"));
    }

    [Fact]
    public void RelevanceCoverage_OutOfRange_ThrowsNamingRelevances()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QualityModel.RelevanceCoverage([0.2, 1.5]));
        Assert.Equal("relevances", error.ParamName);
    }

    [Fact]
    public void AcceptanceModel_PriorAboveOne_ThrowsNamingTask()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AcceptanceModel(new Dictionary<string, double> { ["Query"] = 1.2 }, 0.7, 0.25));
        Assert.Equal("priorByTask[Query]", error.ParamName);
    }
}
