namespace Controller.Learning.Nn;

/// <summary>Draws the learning core needs beyond <see cref="Random"/>. Seeded <see cref="Random"/> is deterministic.</summary>
public static class RandomExtensions
{
    /// <summary>Standard normal draw by the Box–Muller transform (one of the pair; simple and reproducible).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
