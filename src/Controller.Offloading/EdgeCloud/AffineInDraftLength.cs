namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// A per-round quantity that is affine in the draft length k: value(k) = Fixed + PerDraftToken·k.
/// Round time, round energy and round cloud cost all have this shape, so any positive weighting of
/// them does too and the best k is found by one scan of E[N(k)] / value(k) (Leviathan's form).
/// </summary>
/// <param name="Fixed">Part paid once per round whatever k is (unit of the quantity).</param>
/// <param name="PerDraftToken">Part paid per drafted token (unit of the quantity per token).</param>
public readonly record struct AffineInDraftLength(double Fixed, double PerDraftToken)
{
    /// <summary>The value at draft length <paramref name="draftLength"/>.</summary>
    public double At(int draftLength) => Fixed + (PerDraftToken * draftLength);

    /// <summary>This line scaled by <paramref name="factor"/> (a price converting its unit into another).</summary>
    public AffineInDraftLength Scale(double factor) => new(Fixed * factor, PerDraftToken * factor);

    public static AffineInDraftLength operator +(AffineInDraftLength left, AffineInDraftLength right) =>
        new(left.Fixed + right.Fixed, left.PerDraftToken + right.PerDraftToken);
}
