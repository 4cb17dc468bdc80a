namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>
/// Settings of the ML.NET FastTree (boosted regression trees) outcome model. Defaults are smaller than ML.NET's
/// (100 trees, 20 leaves): the model is refit once per outcome per cross-fitting fold, and the DR estimate needs a
/// reasonable model, not the best one — its bias does not depend on the model (cross-fitted), only its variance does.
/// </summary>
public sealed record FastTreeOutcomeSettings
{
    /// <summary>Boosting rounds. Default 40 (ML.NET: 100).</summary>
    public int NumberOfTrees { get; init; } = 40;

    /// <summary>Leaves per tree. Default 8 (ML.NET: 20).</summary>
    public int NumberOfLeaves { get; init; } = 8;

    /// <summary>Fewest training records in a leaf. Default 10 (ML.NET's).</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage per tree. Default 0.2 (ML.NET: 0.2).</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Seed of ML.NET's context, so fits are reproducible. Default 0.</summary>
    public int Seed { get; init; }

    public void Validate()
    {
        if (NumberOfTrees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), NumberOfTrees, "at least one tree");
        }

        if (NumberOfLeaves < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), NumberOfLeaves, "at least two leaves");
        }

        if (MinimumExampleCountPerLeaf < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "at least one record per leaf");
        }

        if (!(LearningRate > 0 && LearningRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must lie in (0, 1]");
        }
    }
}
