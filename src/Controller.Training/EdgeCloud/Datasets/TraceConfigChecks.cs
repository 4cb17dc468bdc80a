namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>Field checks shared by the generator configs; the exception's ParamName is the field's path.</summary>
internal static class TraceConfigChecks
{
    public static void Positive(double value, string field)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException($"{field} must be a finite number > 0, got {value}.", field);
        }
    }

    public static void NonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"{field} must be a finite number ≥ 0, got {value}.", field);
        }
    }

    public static void Correlation(double value, string field)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentException($"{field} must be in [0, 1), got {value}.", field);
        }
    }
}
