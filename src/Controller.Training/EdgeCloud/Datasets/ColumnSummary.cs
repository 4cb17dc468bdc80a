namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>Min, median and max of one column over the rows where the link is up.</summary>
public readonly record struct ColumnSummary(double Min, double Median, double Max)
{
    internal static ColumnSummary Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new(double.NaN, double.NaN, double.NaN);
        }

        values.Sort();
        int mid = values.Count / 2;
        double median = values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new(values[0], median, values[^1]);
    }
}
