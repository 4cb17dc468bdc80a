namespace Controller.Learning.Tests.Support;

/// <summary>
/// Comparison against float64 reference values for float32 results: |actual − expected| ≤ 1e-5·|expected| + 1e-6.
/// The absolute floor of 1e-6 covers entries that are exactly or nearly zero (masked-out gradients, cancelling sums),
/// where a relative bound alone would demand more than float32 can represent.
/// </summary>
internal static class Tolerance
{
    public const double Relative = 1e-5;
    public const double AbsoluteFloor = 1e-6;

    public static void AssertClose(IReadOnlyList<double> expected, ReadOnlySpan<float> actual, string what, double relative = Relative, double absolute = AbsoluteFloor)
    {
        Assert.True(expected.Count == actual.Length, $"{what}: expected {expected.Count} values, got {actual.Length}.");
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], $"{what}[{i}]", relative, absolute);
        }
    }

    public static void AssertClose(double expected, double actual, string what, double relative = Relative, double absolute = AbsoluteFloor)
    {
        var bound = (relative * Math.Abs(expected)) + absolute;
        Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E3} > {bound:E3}).");
    }
}
