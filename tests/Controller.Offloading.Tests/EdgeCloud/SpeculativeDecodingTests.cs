using Controller.Offloading.EdgeCloud;

namespace Controller.Offloading.Tests.EdgeCloud;

public sealed class SpeculativeDecodingTests
{
    [Fact]
    public void ExpectedTokensPerRound_Alpha08K4_MatchesGeometricSum()
    {
        // 1 + 0.8 + 0.64 + 0.512 + 0.4096 = (1 − 0.8^5) / 0.2 = 3.3616
        Assert.Equal(3.3616, SpeculativeDecoding.ExpectedTokensPerRound(0.8, 4), 12);
    }

    [Theory]
    [InlineData(0.0, 5, 1.0)]
    [InlineData(1.0, 5, 6.0)]
    [InlineData(0.5, 0, 1.0)]
    [InlineData(0.5, 2, 1.75)]
    public void ExpectedTokensPerRound_EdgeCases_HandComputed(double alpha, int k, double expected)
    {
        Assert.Equal(expected, SpeculativeDecoding.ExpectedTokensPerRound(alpha, k), 12);
    }

    [Fact]
    public void ExpectedTokensPerRound_PositionDependent_OnePlusSumOfPrefixProducts()
    {
        // 1 + 0.9 + 0.9·0.5 + 0.9·0.5·0.2 = 2.44
        Assert.Equal(2.44, SpeculativeDecoding.ExpectedTokensPerRound([0.9, 0.5, 0.2]), 12);
    }

    [Fact]
    public void ExpectedTokensPerRound_ConstantPositionAlphas_EqualsConstantForm()
    {
        Assert.Equal(SpeculativeDecoding.ExpectedTokensPerRound(0.7, 6),
            SpeculativeDecoding.ExpectedTokensPerRound([0.7, 0.7, 0.7, 0.7, 0.7, 0.7]), 12);
    }

    [Fact]
    public void Speedup_Alpha08K4C01_HandComputed()
    {
        // S = 3.3616 / (4·0.1 + 1)
        Assert.Equal(3.3616 / 1.4, SpeculativeDecoding.Speedup(0.8, 4, 0.1), 12);
    }

    [Theory]
    [InlineData(0.6, 0.02, 6, 2.17)]
    [InlineData(0.6, 0.05, 4, 1.92)]
    [InlineData(0.6, 0.1, 3, 1.67)]
    [InlineData(0.6, 0.2, 2, 1.40)]
    [InlineData(0.6, 0.3, 1, 1.23)]
    [InlineData(0.6, 0.5, 1, 1.07)]
    [InlineData(0.7, 0.02, 8, 2.76)]
    [InlineData(0.7, 0.05, 6, 2.35)]
    [InlineData(0.7, 0.1, 4, 1.98)]
    [InlineData(0.7, 0.2, 3, 1.58)]
    [InlineData(0.7, 0.3, 2, 1.37)]
    [InlineData(0.7, 0.5, 1, 1.13)]
    [InlineData(0.8, 0.02, 11, 3.82)]
    [InlineData(0.8, 0.05, 8, 3.09)]
    [InlineData(0.8, 0.1, 6, 2.47)]
    [InlineData(0.8, 0.2, 4, 1.87)]
    [InlineData(0.8, 0.3, 3, 1.55)]
    [InlineData(0.8, 0.5, 2, 1.22)]
    [InlineData(0.9, 0.02, 19, 6.37)]
    [InlineData(0.9, 0.05, 13, 4.67)]
    [InlineData(0.9, 0.1, 10, 3.43)]
    [InlineData(0.9, 0.2, 7, 2.37)]
    [InlineData(0.9, 0.3, 5, 1.87)]
    [InlineData(0.9, 0.5, 3, 1.38)]
    public void BestDraftLength_ReferenceTable_ReproducesKStarAndSpeedup(double alpha, double c, int kStar, double speedup)
    {
        int k = SpeculativeDecoding.BestDraftLength(alpha, c, maxDraftLength: 64);

        Assert.Equal(kStar, k);
        Assert.Equal(speedup, Math.Round(SpeculativeDecoding.Speedup(alpha, k, c), 2), 10);
    }

    [Fact]
    public void BestDraftLength_CapBelowOptimum_ReturnsCap()
    {
        Assert.Equal(8, SpeculativeDecoding.BestDraftLength(0.9, 0.02, maxDraftLength: 8));
    }

    [Fact]
    public void AcceptedFraction_MeanLength_ConvertsToShareOfDrafts()
    {
        Assert.Equal((3.3616 - 1) / 4, SpeculativeDecoding.AcceptedFraction(3.3616, 4), 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void ExpectedTokensPerRound_AlphaOutOfRange_ThrowsNamingAlpha(double alpha)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpeculativeDecoding.ExpectedTokensPerRound(alpha, 3));
        Assert.Equal("alpha", error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SpeculativeDecoding.MaxSupportedDraftLength + 1)]
    public void ExpectedTokensPerRound_DraftLengthOutOfRange_ThrowsNamingDraftLength(int k)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpeculativeDecoding.ExpectedTokensPerRound(0.5, k));
        Assert.Equal("draftLength", error.ParamName);
    }

    [Fact]
    public void ExpectedTokensPerRound_NaNAmongPositionAlphas_ThrowsNamingPosition()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpeculativeDecoding.ExpectedTokensPerRound([0.5, double.NaN]));
        Assert.Equal("alphas[1]", error.ParamName);
    }

    [Fact]
    public void BestDraftLength_ZeroMaximum_ThrowsNamingMaxDraftLength()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpeculativeDecoding.BestDraftLength(0.5, 0.1, 0));
        Assert.Equal("maxDraftLength", error.ParamName);
    }

    [Fact]
    public void Speedup_NegativeCostRatio_ThrowsNamingCostRatio()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpeculativeDecoding.Speedup(0.5, 2, -0.1));
        Assert.Equal("costRatio", error.ParamName);
    }
}
