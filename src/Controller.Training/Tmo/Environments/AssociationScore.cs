namespace Controller.Training.Tmo.Environments;

/// <summary>The association terms of the reward for one turn.</summary>
public static class AssociationScore
{
    /// <summary>Raw association of <paramref name="action"/>: the sum of its uploaded modalities' scores (0 for local and text only).</summary>
    public static double Raw(ModalityActionSpace space, IReadOnlyList<double> association, int action)
    {
        var sum = 0.0;
        for (var m = 0; m < space.ModalityCount; m++)
        {
            if (space.Uploads(action, m))
            {
                sum += association[m];
            }
        }

        return sum;
    }

    /// <summary>
    /// Ā: the raw association min–max normalised over the turn's 1 + 2^M actions. The extremes are
    /// the subsets of all negative and all positive scores (with non-negative scores: 0 and the
    /// full set), so this is exact without enumerating subsets. 0 when every action ties.
    /// </summary>
    public static double Normalised(ModalityActionSpace space, IReadOnlyList<double> association, int action)
    {
        double min = 0, max = 0;
        for (var m = 0; m < space.ModalityCount; m++)
        {
            min += Math.Min(0, association[m]);
            max += Math.Max(0, association[m]);
        }

        return max > min ? (Raw(space, association, action) - min) / (max - min) : 0.0;
    }
}
