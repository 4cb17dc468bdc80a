using System.Numerics.Tensors;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// TMO's response-score estimator: k nearest neighbours, Euclidean, prediction Σ wᵢyᵢ / Σ wᵢ with
/// wᵢ = 1/(dᵢ + 1e-6).
/// <para>
/// Tie rule (<see cref="NeighbourTies"/>): TMO's features are small integers, so ties at the k-th
/// distance are the common case. The training points are sorted lexicographically by feature row, the
/// comparison starting at column <c>orderFrom</c> and wrapping round to column 0 (stable, so equal rows keep
/// their given order); <see cref="NeighbourTies.Exact"/> keeps exactly k
/// points, the earliest in that order among ties, which makes the prediction independent of the
/// order the data came in and comparable with TMO's. <see cref="NeighbourTies.All"/> averages every
/// point tied at the k-th distance. Distances are compared as squared sums in single precision,
/// which is exact for integer features.
/// </para>
/// </summary>
public sealed class NearestNeighbourRegressor
{
    /// <summary>TMO setting: 5 neighbours.</summary>
    public const int DefaultNeighbours = 5;

    /// <summary>TMO's distance offset in the weights, so an exact match does not divide by zero.</summary>
    public const double DistanceEpsilon = 1e-6;

    // Feature-major: _columns[f][i] is feature f of point i, so one query is a few vector passes.
    private readonly float[][] _columns;
    private readonly double[] _targets;

    /// <param name="features">One row per training point; all of one length.</param>
    /// <param name="targets">One target per training point.</param>
    /// <param name="neighbours">k.</param>
    /// <param name="ties">Tie rule at the k-th distance.</param>
    /// <param name="orderFrom">First column of the sort key that orders the training points (then the columns after it,
    /// then those before it). TMO's rows are observation then action code, and its check vector is reproduced with the
    /// action code first.</param>
    public NearestNeighbourRegressor(IReadOnlyList<float[]> features, IReadOnlyList<double> targets, int neighbours = DefaultNeighbours, NeighbourTies ties = NeighbourTies.Exact, int orderFrom = 0)
    {
        if (features.Count == 0)
        {
            throw new ArgumentException("the estimator needs at least one training point", nameof(features));
        }

        if (features.Count != targets.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows but {targets.Count} targets", nameof(targets));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        FeatureCount = features[0].Length;
        var bad = features.Select((row, i) => (row, i)).FirstOrDefault(p => p.row.Length != FeatureCount);
        if (bad.row is not null)
        {
            throw new ArgumentException($"row {bad.i} has {bad.row.Length} features, expected {FeatureCount}", nameof(features));
        }

        if (orderFrom < 0 || orderFrom >= FeatureCount)
        {
            throw new ArgumentOutOfRangeException(nameof(orderFrom), orderFrom, $"the sort key must start at one of the {FeatureCount} columns");
        }

        Neighbours = neighbours;
        Ties = ties;
        var order = Enumerable.Range(0, features.Count).Order(Comparer<int>.Create((a, b) => CompareRows(features[a], features[b], orderFrom))).ToArray();
        _targets = order.Select(i => targets[i]).ToArray();
        _columns = new float[FeatureCount][];
        for (var f = 0; f < FeatureCount; f++)
        {
            _columns[f] = order.Select(i => features[i][f]).ToArray();
        }
    }

    /// <summary>Length of a feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of training points.</summary>
    public int PointCount => _targets.Length;

    /// <summary>k.</summary>
    public int Neighbours { get; }

    /// <summary>Tie rule at the k-th distance.</summary>
    public NeighbourTies Ties { get; }

    /// <summary>Predicts the target of <paramref name="query"/>.</summary>
    public double Predict(ReadOnlySpan<float> query)
    {
        var squared = new float[PointCount];
        AccumulateSquaredDistances(query, 0, squared);
        return PredictFromSquaredDistances(squared);
    }

    /// <summary>
    /// Adds Σ (x_f − q_f)² over the features <paramref name="firstFeature"/>.. of every point to
    /// <paramref name="squared"/>; lets callers share the distance over a common prefix of queries.
    /// </summary>
    public void AccumulateSquaredDistances(ReadOnlySpan<float> queryPart, int firstFeature, Span<float> squared)
    {
        if (firstFeature < 0 || firstFeature + queryPart.Length > FeatureCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstFeature), firstFeature, $"features {firstFeature}..{firstFeature + queryPart.Length - 1} exceed {FeatureCount}");
        }

        Span<float> difference = PointCount <= 1024 ? stackalloc float[PointCount] : new float[PointCount];
        for (var f = 0; f < queryPart.Length; f++)
        {
            TensorPrimitives.Subtract(_columns[firstFeature + f], queryPart[f], difference);
            TensorPrimitives.MultiplyAdd(difference, difference, squared, squared);
        }
    }

    /// <summary>Applies the tie rule and the inverse-distance weights to finished squared distances.</summary>
    public double PredictFromSquaredDistances(ReadOnlySpan<float> squared)
    {
        return Ties == NeighbourTies.Exact ? PredictFromExactNeighbours(squared) : PredictFromAllTies(squared);
    }

    private double PredictFromExactNeighbours(ReadOnlySpan<float> squared)
    {
        // Scanning in training order and inserting only on a strictly smaller distance keeps the
        // earliest points among ties.
        var k = Math.Min(Neighbours, squared.Length);
        Span<float> distances = stackalloc float[k];
        Span<int> indices = stackalloc int[k];
        distances.Fill(float.PositiveInfinity);
        indices.Fill(-1);
        for (var i = 0; i < squared.Length; i++)
        {
            var value = squared[i];
            if (value >= distances[k - 1])
            {
                continue;
            }

            var position = k - 1;
            while (position > 0 && distances[position - 1] > value)
            {
                distances[position] = distances[position - 1];
                indices[position] = indices[position - 1];
                position--;
            }

            distances[position] = value;
            indices[position] = i;
        }

        double weighted = 0, weights = 0;
        for (var n = 0; n < k; n++)
        {
            var weight = 1.0 / (Math.Sqrt(distances[n]) + DistanceEpsilon);
            weighted += weight * _targets[indices[n]];
            weights += weight;
        }

        return weighted / weights;
    }

    private double PredictFromAllTies(ReadOnlySpan<float> squared)
    {
        var threshold = KthSmallest(squared, Math.Min(Neighbours, squared.Length));
        double weighted = 0, weights = 0;
        for (var i = 0; i < squared.Length; i++)
        {
            if (squared[i] <= threshold)
            {
                var weight = 1.0 / (Math.Sqrt(squared[i]) + DistanceEpsilon);
                weighted += weight * _targets[i];
                weights += weight;
            }
        }

        return weighted / weights;
    }

    // k is tiny (5): keep the k smallest values seen in a sorted insertion buffer.
    private static float KthSmallest(ReadOnlySpan<float> values, int k)
    {
        Span<float> smallest = stackalloc float[k];
        smallest.Fill(float.PositiveInfinity);
        foreach (var value in values)
        {
            if (value >= smallest[k - 1])
            {
                continue;
            }

            var position = k - 1;
            while (position > 0 && smallest[position - 1] > value)
            {
                smallest[position] = smallest[position - 1];
                position--;
            }

            smallest[position] = value;
        }

        return smallest[k - 1];
    }

    private static int CompareRows(float[] a, float[] b, int orderFrom)
    {
        for (var n = 0; n < a.Length; n++)
        {
            var f = (orderFrom + n) % a.Length;
            var order = a[f].CompareTo(b[f]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
