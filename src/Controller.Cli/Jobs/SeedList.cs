using System.Globalization;

namespace Controller.Cli.Jobs;

/// <summary>Parses seed lists such as <c>0-19</c>, <c>3</c> or <c>0,2,5-7</c>.</summary>
internal static class SeedList
{
    public static IReadOnlyList<int> Parse(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash < 0)
            {
                seeds.Add(Number(part, text));
                continue;
            }

            var first = Number(part[..dash], text);
            var last = Number(part[(dash + 1)..], text);
            if (last < first)
            {
                throw new ArgumentException($"seed range '{part}' runs backwards in '{text}'");
            }

            seeds.AddRange(Enumerable.Range(first, last - first + 1));
        }

        if (seeds.Count == 0)
        {
            throw new ArgumentException($"no seeds in '{text}'; use e.g. 0-19");
        }

        return seeds.Distinct().ToList();
    }

    private static int Number(string text, string whole) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' in seed list '{whole}' is not an integer");
}
