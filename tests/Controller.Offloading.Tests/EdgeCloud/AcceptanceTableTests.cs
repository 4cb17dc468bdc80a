using Controller.Offloading.EdgeCloud;
using Controller.Offloading.EdgeCloud.Acceptance;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class AcceptanceTableTests
{
    [Fact]
    public void Default_TextRows_InsideReferenceRange()
    {
        // Reference: α 0.5–0.9 for a same-family small draft and large target.
        foreach (var row in AcceptanceTable.Default.Entries.Where(e => !e.ImagesMatter))
        {
            Assert.InRange(row.Alpha, 0.5, 0.9);
        }
    }

    [Fact]
    public void Default_ImagesMatter_LowerThanTextForEveryTaskAndPair()
    {
        var table = AcceptanceTable.Default;
        foreach (var row in table.Entries.Where(e => e.ImagesMatter))
        {
            Assert.True(row.Alpha < table.Alpha(row.Task, row.Draft, row.Target, imagesMatter: false), $"{row}");
        }
    }

    [Fact]
    public void Default_CodeAndSummaries_AboveDefaultTask()
    {
        // Reference: α is higher for code and summaries.
        var table = AcceptanceTable.Default;
        double other = table.Alpha(AcceptanceTable.OtherTasks, "qwen2.5-0.5b", "qwen2.5-72b", false);

        Assert.True(table.Alpha("Code", "qwen2.5-0.5b", "qwen2.5-72b", false) > other);
        Assert.True(table.Alpha("Summarization", "qwen2.5-0.5b", "qwen2.5-72b", false) > other);
    }

    [Fact]
    public void ToAcceptanceModel_BasePair_ReproducesPlannerDefault()
    {
        var model = AcceptanceTable.Default.ToAcceptanceModel("qwen2.5-0.5b", "qwen2.5-72b");

        Assert.Equal(AcceptanceModel.Default.ImagePenalty, model.ImagePenalty, 9);
        Assert.Equal(AcceptanceModel.Default.PriorOtherTasks, model.PriorOtherTasks);
        foreach (var (task, prior) in AcceptanceModel.Default.PriorByTask)
        {
            Assert.Equal(prior, model.Prior(task));
        }
    }

    [Fact]
    public void ToAcceptanceModel_LargerDraft_HigherAlpha()
    {
        var small = AcceptanceTable.Default.ToAcceptanceModel("qwen2.5-0.5b", "qwen2.5-72b");
        var large = AcceptanceTable.Default.ToAcceptanceModel("qwen2.5-1.5b", "qwen2.5-72b");

        Assert.True(large.Prior("Query") > small.Prior("Query"));
    }

    [Fact]
    public void Alpha_UnknownTask_FallsBackToOtherTasks()
    {
        var table = AcceptanceTable.Default;

        Assert.Equal(table.Alpha(AcceptanceTable.OtherTasks, "qwen2.5-0.5b", "qwen2.5-7b", true), table.Alpha("Poetry", "qwen2.5-0.5b", "qwen2.5-7b", true));
    }

    [Fact]
    public void Alpha_UnknownPair_ThrowsListingKnownPairs()
    {
        var ex = Assert.Throws<ArgumentException>(() => AcceptanceTable.Default.Alpha("Query", "llama-1b", "llama-70b", false));

        Assert.Contains("qwen2.5-0.5b → qwen2.5-72b", ex.Message, StringComparison.Ordinal);
    }
}
