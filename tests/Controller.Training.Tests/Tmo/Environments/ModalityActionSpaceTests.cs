using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class ModalityActionSpaceTests
{
    [Fact]
    public void Labels_ThreeModalities_FollowTmoOrder()
    {
        var space = new ModalityActionSpace(3);

        Assert.Equal(9, space.ActionCount);
        Assert.Equal(
            ["local", "cloud", "cloud+0", "cloud+1", "cloud+2", "cloud+0+1", "cloud+0+2", "cloud+1+2", "cloud+0+1+2"],
            Enumerable.Range(0, 9).Select(space.Label));
    }

    [Fact]
    public void CloudAction_ViewsInAnyOrder_MapsToSubsetIndex()
    {
        var space = new ModalityActionSpace(3);

        Assert.Equal(0, space.CloudAction(false, []));
        Assert.Equal(1, space.CloudAction(true, []));
        Assert.Equal(6, space.CloudAction(true, [2, 0]));
        Assert.Equal(8, space.CloudAction(true, [1, 2, 0]));
    }

    [Fact]
    public void WriteCode_TwoViews_IsCloudFlagAndViewBits()
    {
        var space = new ModalityActionSpace(3);
        var code = new float[4];

        space.WriteCode(7, code);

        Assert.Equal([1f, 0f, 1f, 1f], code);
    }

    [Fact]
    public void ActionCount_SixModalities_IsOnePlusTwoToTheSix()
    {
        var space = new ModalityActionSpace(6);

        Assert.Equal(65, space.ActionCount);
        Assert.Equal(6, space.ImageCount(64));
    }

    [Fact]
    public void Label_OutOfRangeAction_NamesRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ModalityActionSpace(3).Label(9));

        Assert.Contains("action must be 0..8", error.Message);
    }
}
