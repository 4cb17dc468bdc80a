using System.Globalization;
using System.Text;
using Controller.Contracts;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Channel traces as CSV: a header line <c>time_s,uplink_mbps,downlink_mbps,rtt_ms,link_up</c>, then one
/// row per step, invariant culture, <c>\n</c> line ends, numbers in their shortest round-trip form so a
/// written trace reads back to the same doubles and the same seed gives a byte-identical file. Reading
/// never fails with a bare parser error: every problem is a <see cref="TraceFormatException"/> naming the
/// file, the line and the column.
/// </summary>
public static class ChannelTraceCsv
{
    public const string Header = "time_s,uplink_mbps,downlink_mbps,rtt_ms,link_up";

    private static readonly string[] Columns = Header.Split(',');

    /// <summary>Reads the trace at <paramref name="path"/>; its name is the file name without extension unless given.</summary>
    /// <exception cref="TraceFormatException">The file is missing, empty or malformed.</exception>
    public static ChannelTrace Read(string path, NetworkType network, string? name = null) =>
        new(name ?? Path.GetFileNameWithoutExtension(path), network, ReadSamples(path));

    /// <summary>Reads and checks the rows at <paramref name="path"/> without making a trace of them (e.g. to summarise a file).</summary>
    /// <exception cref="TraceFormatException">The file is missing, empty or malformed.</exception>
    public static IReadOnlyList<TraceSample> ReadSamples(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new TraceFormatException(path, 0, "(file)", "file not found");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return ReadSamples(reader, path);
    }

    /// <summary>Reads a trace from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static ChannelTrace Read(TextReader reader, string source, NetworkType network, string name) =>
        new(name, network, ReadSamples(reader, source));

    /// <summary>Reads and checks rows from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<TraceSample> ReadSamples(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header is null)
        {
            throw new TraceFormatException(source, 1, "(header)", $"empty file; expected the header '{Header}'");
        }

        CheckHeader(header.Trim(), source);
        var samples = new List<TraceSample>();
        int lineNumber = 1;
        double previousTime = double.NegativeInfinity;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var sample = ParseRow(line, source, lineNumber);
            if (samples.Count == 0 && sample.TimeSeconds != 0)
            {
                throw new TraceFormatException(source, lineNumber, Columns[0], $"the first row must be at 0, got {Format(sample.TimeSeconds)}");
            }

            if (!(sample.TimeSeconds > previousTime))
            {
                throw new TraceFormatException(source, lineNumber, Columns[0],
                    $"time {Format(sample.TimeSeconds)} is not after the previous row's {Format(previousTime)}");
            }

            previousTime = sample.TimeSeconds;
            samples.Add(sample);
        }

        if (samples.Count < 2)
        {
            throw new TraceFormatException(source, lineNumber, "(rows)", $"a trace needs at least two rows, found {samples.Count}");
        }

        return samples;
    }

    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, IEnumerable<TraceSample> samples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToCsv(samples), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The CSV text of <paramref name="samples"/>, exactly as <see cref="Write"/> stores it.</summary>
    public static string ToCsv(IEnumerable<TraceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in samples)
        {
            text.Append(Format(s.TimeSeconds)).Append(',')
                .Append(Format(s.UplinkMbps)).Append(',')
                .Append(Format(s.DownlinkMbps)).Append(',')
                .Append(Format(s.RttMs)).Append(',')
                .Append(s.LinkUp ? '1' : '0').Append('\n');
        }

        return text.ToString();
    }

    private static void CheckHeader(string header, string source)
    {
        string[] names = header.Split(',');
        for (int i = 0; i < Columns.Length; i++)
        {
            string found = i < names.Length ? names[i].Trim() : "(missing)";
            if (!string.Equals(found, Columns[i], StringComparison.Ordinal))
            {
                throw new TraceFormatException(source, 1, Columns[i], $"header column {i + 1} is '{found}'; expected the header '{Header}'");
            }
        }

        if (names.Length > Columns.Length)
        {
            throw new TraceFormatException(source, 1, names[Columns.Length].Trim(), $"unexpected extra column; expected the header '{Header}'");
        }
    }

    private static TraceSample ParseRow(string line, string source, int lineNumber)
    {
        string[] cells = line.Split(',');
        if (cells.Length != Columns.Length)
        {
            string field = cells.Length < Columns.Length ? Columns[cells.Length] : "(extra)";
            throw new TraceFormatException(source, lineNumber, field, $"expected {Columns.Length} comma-separated values, found {cells.Length}");
        }

        double time = ParseNonNegative(cells[0], source, lineNumber, Columns[0]);
        double up = ParseNonNegative(cells[1], source, lineNumber, Columns[1]);
        double down = ParseNonNegative(cells[2], source, lineNumber, Columns[2]);
        double rtt = ParseNonNegative(cells[3], source, lineNumber, Columns[3]);
        bool linkUp = cells[4].Trim() switch
        {
            "1" => true,
            "0" => false,
            var other => throw new TraceFormatException(source, lineNumber, Columns[4], $"'{other}' is not 0 or 1"),
        };
        if (linkUp)
        {
            // An up link with no capacity would make every transfer take forever in the cost model.
            if (up <= 0)
            {
                throw new TraceFormatException(source, lineNumber, Columns[1], "the link is up (link_up = 1) but the rate is 0; mark the row link_up = 0 or give a rate > 0");
            }

            if (down <= 0)
            {
                throw new TraceFormatException(source, lineNumber, Columns[2], "the link is up (link_up = 1) but the rate is 0; mark the row link_up = 0 or give a rate > 0");
            }
        }

        return new TraceSample(time, up, down, rtt, linkUp);
    }

    private static double ParseNonNegative(string cell, string source, int lineNumber, string field)
    {
        string text = cell.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new TraceFormatException(source, lineNumber, field, $"'{text}' is not a finite number");
        }

        if (value < 0)
        {
            throw new TraceFormatException(source, lineNumber, field, $"{text} is negative");
        }

        return value;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
