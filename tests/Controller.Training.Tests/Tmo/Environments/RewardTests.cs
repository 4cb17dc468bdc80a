using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class RewardTests
{
    private static readonly ModalityActionSpace Space = new(3);

    [Fact]
    public void Combine_DefaultWeights_MatchesHandComputedReward()
    {
        var profile = new CostProfile(Space, TmoDeviceProfile.Default, TmoNetworkProfile.Get("wired"));
        double[] association = [0.2, 0.1, 0.3];
        const int views0And2 = 6;

        var normalisedAssociation = AssociationScore.Normalised(Space, association, views0And2);
        var reward = RewardWeights.Default.Combine(1.2, normalisedAssociation, profile.NormalisedLatency(views0And2), profile.NormalisedUsage(views0And2));

        // Ā = 0.5 / 0.6; L̄(k=2) = (6.24569 − 0.0114286) / (6.98211 − 0.0114286) = 0.8943547;
        // Ū(k=2) = 0.6907893; r = 1.2 + (0.833333 − 0.894353 − 0.690789) / 3.
        Assert.Equal(0.5 / 0.6, normalisedAssociation, 12);
        Assert.Equal(0.9493965, reward, 6);
    }

    [Fact]
    public void Combine_CustomWeights_WeighsEachTerm()
    {
        var weights = new RewardWeights(Alpha: 2, Association: 0.5, Latency: 0.25, Usage: 4);

        Assert.Equal(2 * 1.0 + 0.5 * 0.4 - 0.25 * 0.8 - 4 * 0.1, weights.Combine(1.0, 0.4, 0.8, 0.1), 12);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.2 / 0.6)]
    [InlineData(7, 0.4 / 0.6)]
    [InlineData(8, 1.0)]
    public void AssociationNormalised_M4A1Row_MinMaxOverActions(int action, double expected)
    {
        Assert.Equal(expected, AssociationScore.Normalised(Space, [0.2, 0.1, 0.3], action), 12);
    }

    [Fact]
    public void AssociationNormalised_AllZero_IsZero()
    {
        Assert.Equal(0.0, AssociationScore.Normalised(Space, [0.0, 0.0, 0.0], 8));
    }

    [Fact]
    public void AssociationRaw_TwoViews_SumsTheirScores()
    {
        Assert.Equal(0.5, AssociationScore.Raw(Space, [0.2, 0.1, 0.3], 6), 12);
    }
}
