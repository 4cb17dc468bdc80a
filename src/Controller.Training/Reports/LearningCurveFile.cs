using System.Globalization;

namespace Controller.Training.Reports;

/// <summary>Reads one metric's (timestep, value) series from a long-format learning-curve CSV (<c>timesteps,key,value</c>).</summary>
public static class LearningCurveFile
{
    /// <summary>The rows of <paramref name="path"/> whose key is <paramref name="metric"/>; empty when it never appears.</summary>
    /// <exception cref="InvalidDataException">The header is not <c>timesteps,key,value</c>; the message names the file.</exception>
    public static IReadOnlyList<(double Step, double Value)> Read(string path, string metric = "rollout/episode_reward")
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header != "timesteps,key,value")
        {
            throw new InvalidDataException($"{path}: expected the header 'timesteps,key,value', found '{header}'");
        }

        var points = new List<(double, double)>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length == 3 && cells[1] == metric
                && double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var step)
                && double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                points.Add((step, value));
            }
        }

        return points;
    }
}
