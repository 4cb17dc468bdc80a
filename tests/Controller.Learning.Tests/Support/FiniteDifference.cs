namespace Controller.Learning.Tests.Support;

/// <summary>Central finite differences over float32 values, for gradient checks.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// Asserts that <paramref name="analytic"/>[i] ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h for every i in <paramref name="indices"/>
    /// (all when null). Tolerance covers float32 rounding in f divided by h plus the O(h²) truncation.
    /// </summary>
    public static void Check(float[] x, ReadOnlySpan<float> analytic, Func<double> f, string what, double h = 1e-2, double relative = 2e-3, double absolute = 2e-4, IEnumerable<int>? indices = null)
    {
        var expected = analytic.ToArray();
        foreach (var i in indices ?? Enumerable.Range(0, x.Length))
        {
            var original = x[i];
            x[i] = (float)(original + h);
            var plus = f();
            x[i] = (float)(original - h);
            var minus = f();
            x[i] = original;
            var step = (double)(float)(original + h) - (float)(original - h);
            var numeric = (plus - minus) / step;
            Tolerance.AssertClose(numeric, expected[i], $"{what}[{i}]", relative, absolute);
        }
    }
}
