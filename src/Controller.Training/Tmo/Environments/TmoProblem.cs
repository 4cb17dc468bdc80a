using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// Everything fixed about one TMO problem instance: the dataset's action space, the cost profile of
/// a device and network, and the response-score model fitted for one training split.
/// </summary>
public sealed class TmoProblem
{
    private TmoProblem(TmoDataset dataset, CostProfile costs, IResponseScoreModel scores, TmoHistoryEncoding encoding)
    {
        Dataset = dataset;
        Costs = costs;
        Scores = scores;
        Encoding = encoding;
    }

    public TmoDataset Dataset { get; }

    public ModalityActionSpace Space => Costs.Space;

    public CostProfile Costs { get; }

    public IResponseScoreModel Scores { get; }

    /// <summary>TMO's raw history window (what the estimator reads).</summary>
    public TmoHistoryEncoding Encoding { get; }

    /// <summary>
    /// Builds the problem for a training split: logged data gets the nearest-neighbour estimator
    /// fitted on <paramref name="training"/>; synthetic data uses its generator's own score model.
    /// </summary>
    public static TmoProblem Create(TmoDataset dataset, IReadOnlyList<TmoDialogue> training, TmoDeviceProfile device, TmoNetworkProfile network, NeighbourTies ties = NeighbourTies.Exact)
    {
        var space = new ModalityActionSpace(dataset.ModalityCount);
        var encoding = new TmoHistoryEncoding(space);
        IResponseScoreModel scores = dataset.IsSynthetic
            ? new SyntheticScoreModel(space)
            : NearestNeighbourScoreModel.Fit(encoding, training, ties: ties);
        return new TmoProblem(dataset, new CostProfile(space, device, network), scores, encoding);
    }
}
