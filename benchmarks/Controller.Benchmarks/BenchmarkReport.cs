namespace Controller.Benchmarks;

/// <summary>
/// Result of one benchmark: a table for people and named figures for machines (the CLI prints the
/// figures as one JSON object with <c>--json</c>).
/// </summary>
/// <param name="Title">Heading of the table.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">One row per measured subject (ours, the peer, …), cells already formatted.</param>
/// <param name="Figures">Named numbers, e.g. <c>decisionsPerSecond</c>, <c>p99Us</c>, <c>speedupVsPytorch</c>.</param>
/// <param name="Notes">Anything a reader needs to interpret the numbers (machine, peer version, caveats).</param>
public sealed record BenchmarkReport(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyDictionary<string, double> Figures,
    IReadOnlyList<string> Notes);
