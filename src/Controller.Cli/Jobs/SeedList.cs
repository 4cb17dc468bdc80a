using System.CommandLine.Parsing;
using System.Globalization;

namespace Controller.Cli.Jobs;

/// <summary>Parses seed lists such as <c>0-19</c>, <c>3</c> or <c>0,2,5-7</c>: seeds ≥ 0, at most <see cref="MaxSeeds"/> of them.</summary>
internal static class SeedList
{
    /// <summary>Most seeds one list may name (each is a training or evaluation run).</summary>
    public const int MaxSeeds = 10_000;

    /// <exception cref="ArgumentException">The text is not a seed list; the message quotes it.</exception>
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

            if (last - first >= MaxSeeds || seeds.Count + (last - first + 1) > MaxSeeds)
            {
                throw new ArgumentException($"'{text}' names more than {MaxSeeds} seeds");
            }

            seeds.AddRange(Enumerable.Range(first, last - first + 1));
        }

        if (seeds.Count == 0)
        {
            throw new ArgumentException($"no seeds in '{text}'; use e.g. 0-19");
        }

        if (seeds.Count > MaxSeeds)
        {
            throw new ArgumentException($"'{text}' names more than {MaxSeeds} seeds");
        }

        return seeds.Distinct().ToList();
    }

    /// <summary>Option validator: the error names the option, e.g. <c>--seeds: 'x' in seed list 'x' is not an integer ≥ 0</c>.</summary>
    public static void Validate(OptionResult result)
    {
        if (result.Tokens is [var token, ..])
        {
            try
            {
                Parse(token.Value);
            }
            catch (ArgumentException ex)
            {
                result.AddError($"{result.Option.Name}: {ex.Message}");
            }
        }
    }

    private static int Number(string text, string whole) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' in seed list '{whole}' is not an integer ≥ 0");
}
