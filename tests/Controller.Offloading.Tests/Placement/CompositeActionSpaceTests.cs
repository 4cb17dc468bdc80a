using Controller.Contracts;
using Controller.Offloading.Placement;

namespace Controller.Offloading.Tests.Placement;

public sealed class CompositeActionSpaceTests
{
    [Theory]
    [InlineData(0, 1, 3)]
    [InlineData(3, 1, 17)]
    [InlineData(3, 8, 73)]
    [InlineData(8, 16, 4_353)]
    public void Count_ModalitiesAndDraftLength_OnePlusSubsetsTimesOnePlusK(int m, int k, int expected)
    {
        Assert.Equal(expected, new CompositeActionSpace(m, k).Count);
    }

    [Fact]
    public void EncodeDecode_EveryIndexEverySize_RoundTrips()
    {
        foreach (int k in new[] { 1, 4, 16 })
        {
            for (int m = 0; m <= CompositeActionSpace.MaxModalities; m++)
            {
                var space = CompositeActionSpace.Get(m, k);
                var seen = new HashSet<CompositeAction>();
                for (int index = 0; index < space.Count; index++)
                {
                    var action = space.Decode(index);
                    Assert.Equal(index, space.Encode(action));
                    Assert.True(seen.Add(action), $"M={m}, K={k}: index {index} decodes to a duplicate {action}");
                }
            }
        }
    }

    [Fact]
    public void Decode_ThreeModalities_FirstNineAreTmoNumbering()
    {
        var space = new CompositeActionSpace(3, 4);
        int[] expectedMasks = [0b000, 0b001, 0b010, 0b100, 0b011, 0b101, 0b110, 0b111];

        Assert.Equal(CompositeAction.Local, space.Decode(0));
        for (int i = 0; i < expectedMasks.Length; i++)
        {
            Assert.Equal(new CompositeAction(Location.Cloud, expectedMasks[i], 0), space.Decode(1 + i));
        }
    }

    [Fact]
    public void Decode_SpeculativeBlock_SubsetMajorThenDraftLength()
    {
        var space = new CompositeActionSpace(3, 4);

        Assert.Equal(new CompositeAction(Location.Speculative, 0, 1), space.Decode(9));
        Assert.Equal(new CompositeAction(Location.Speculative, 0, 4), space.Decode(12));
        Assert.Equal(new CompositeAction(Location.Speculative, 0b001, 1), space.Decode(13));
        Assert.Equal(new CompositeAction(Location.Speculative, 0b111, 4), space.Decode(space.Count - 1));
        Assert.Equal(9 + (5 * 4) + 2, space.SpeculativeIndex(space.RankOf(0b101), 3));
    }

    [Fact]
    public void Decode_IndexOutOfRange_ThrowsNamingIndex()
    {
        var space = new CompositeActionSpace(2, 3);

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => space.Decode(space.Count)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => space.Decode(-1)).ParamName);
    }

    [Theory]
    [InlineData(Location.Speculative, 0, 4)]
    [InlineData(Location.Speculative, 0, 0)]
    [InlineData(Location.Cloud, 0b100, 0)]
    [InlineData(Location.Local, 0b1, 0)]
    [InlineData(Location.Cloud, 0, 2)]
    public void Encode_ActionOutsideSpace_ThrowsNamingAction(Location location, int mask, int k)
    {
        var space = new CompositeActionSpace(2, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => space.Encode(new CompositeAction(location, mask, k)));
        Assert.Equal("action", error.ParamName);
    }

    [Theory]
    [InlineData(9, 4, "modalityCount")]
    [InlineData(-1, 4, "modalityCount")]
    [InlineData(3, 0, "maxDraftLength")]
    [InlineData(3, CompositeActionSpace.MaxDraftLengthLimit + 1, "maxDraftLength")]
    public void Constructor_OutOfRange_ThrowsNamingArgument(int m, int k, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new CompositeActionSpace(m, k)).ParamName);
    }

    [Fact]
    public void Get_SameShape_SharedInstance()
    {
        Assert.Same(CompositeActionSpace.Get(3, 8), CompositeActionSpace.Get(3, 8));
    }
}
