using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class NearestNeighbourRegressorTests
{
    [Fact]
    public void Predict_AllTiesAtKthDistance_IncludesEveryTiedPoint()
    {
        // Distances from 0: 1, 1, 2, 2, 2, 2. The 5th smallest is 2, tied by four points: all six count.
        float[][] features = [[1], [-1], [2], [-2], [2], [-2]];
        double[] targets = [1, 1, 0, 0, 0, 10];
        var knn = new NearestNeighbourRegressor(features, targets, neighbours: 5, NeighbourTies.All);

        var prediction = knn.Predict([0f]);

        // Weights 1/(d + 1e-6): (1 + 1 + 0.5·10) / (1 + 1 + 4·0.5) = 7 / 4.
        var w1 = 1 / (1 + 1e-6);
        var w2 = 1 / (2 + 1e-6);
        Assert.Equal((2 * w1 + 10 * w2) / (2 * w1 + 4 * w2), prediction, 12);
        Assert.Equal(1.75, prediction, 5);
    }

    [Fact]
    public void Predict_ExactTiesAtKthDistance_KeepsFiveEarliestInLexicographicOrder()
    {
        // Lexicographic order (stable): [-2]→10, [-2]→0, [-1]→1, [1]→1, [2]→0, [2]→0. Distances from 0 in that
        // order: 2, 2, 1, 1, 2, 2; the five kept are the first five, so the last [2] is dropped.
        float[][] features = [[2], [1], [-2], [2], [-1], [-2]];
        double[] targets = [0, 1, 10, 0, 1, 0];
        var knn = new NearestNeighbourRegressor(features, targets, neighbours: 5);

        var w1 = 1 / (1 + 1e-6);
        var w2 = 1 / (2 + 1e-6);
        Assert.Equal((2 * w1 + 10 * w2) / (2 * w1 + 3 * w2), knn.Predict([0f]), 12);
    }

    [Fact]
    public void Predict_OrderFromSecondColumn_KeepsTiesEarliestBySecondColumnFirst()
    {
        // Six points at distance 1 from (0, 0), targets 0..5, five places: which one is left out depends on the sort key.
        float[][] features = [[0, 1], [1, 0], [-1, 0], [0, -1], [0, 1], [1, 0]];
        double[] targets = [0, 1, 2, 3, 4, 5];

        // From column 1: keys (-1,0)→3, (0,-1)→2, (0,1)→1, (0,1)→5, (1,0)→0, (1,0)→4: the five kept drop target 4.
        var fromSecond = new NearestNeighbourRegressor(features, targets, neighbours: 5, orderFrom: 1);
        // Whole row: keys (-1,0)→2, (0,-1)→3, (0,1)→0, (0,1)→4, (1,0)→1, (1,0)→5: the five kept drop target 5.
        var wholeRow = new NearestNeighbourRegressor(features, targets, neighbours: 5);

        Assert.Equal((3 + 2 + 1 + 5 + 0) / 5.0, fromSecond.Predict([0f, 0f]), 9);
        Assert.Equal((2 + 3 + 0 + 4 + 1) / 5.0, wholeRow.Predict([0f, 0f]), 9);
    }

    [Fact]
    public void Constructor_OrderFromOutsideTheRow_RefusedNamingTheColumnCount()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NearestNeighbourRegressor([[0f, 1f]], [1.0], orderFrom: 2));

        Assert.Contains("2 columns", error.Message);
    }

    [Fact]
    public void Predict_TrainingOrderShuffled_SamePrediction()
    {
        float[][] features = [[1], [-1], [2], [-2], [2], [-2]];
        double[] targets = [1, 1, 0, 0, 0, 10];
        var reversed = new NearestNeighbourRegressor(features.Reverse().ToArray(), targets.Reverse().ToArray());

        Assert.Equal(new NearestNeighbourRegressor(features, targets).Predict([0f]), reversed.Predict([0f]), 12);
    }

    [Fact]
    public void Predict_NoTies_UsesExactlyK()
    {
        float[][] features = [[1], [2], [3], [4], [5], [6]];
        double[] targets = [1, 1, 1, 1, 1, 100];

        Assert.Equal(1.0, new NearestNeighbourRegressor(features, targets).Predict([0f]), 12);
    }

    [Fact]
    public void Predict_ExactMatch_DominatesWithEpsilonWeight()
    {
        float[][] features = [[0, 0], [3, 4]];
        double[] targets = [2.0, 0.0];

        // Weights 1/1e-6 and 1/(5 + 1e-6).
        var expected = 2.0 / 1e-6 / (1 / 1e-6 + 1 / (5 + 1e-6));
        Assert.Equal(expected, new NearestNeighbourRegressor(features, targets).Predict([0f, 0f]), 12);
    }

    [Fact]
    public void Predict_FewerPointsThanK_UsesAll()
    {
        var knn = new NearestNeighbourRegressor([[0f], [2f]], [1.0, 3.0]);

        Assert.Equal(2.0, knn.Predict([1f]), 6);
    }

    [Fact]
    public void Constructor_RaggedRows_NamesRow()
    {
        var error = Assert.Throws<ArgumentException>(() => new NearestNeighbourRegressor([[0f, 1f], [2f]], [1.0, 3.0]));

        Assert.Contains("row 1 has 1 features, expected 2", error.Message);
    }
}
