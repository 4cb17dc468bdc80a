namespace Controller.Training.Tmo.Environments;

/// <summary>Which training points the nearest-neighbour estimator averages when several tie at the k-th distance.</summary>
public enum NeighbourTies
{
    /// <summary>
    /// TMO's rule (default): exactly k points; among points tied at the k-th distance the earliest in
    /// the lexicographic order of the training pairs (action code, then observation: the order that reproduces the reference check vector) are kept.
    /// </summary>
    Exact,

    /// <summary>Earlier runs of this project (<c>--knn-ties all</c>): every point tied at the k-th distance.</summary>
    All,
}
