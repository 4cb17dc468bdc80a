namespace Controller.Offloading.EdgeCloud;

/// <summary>A closed interval [Min, Max].</summary>
public readonly record struct Interval(double Min, double Max)
{
    public double Midpoint => (Min + Max) / 2;
}
