using System.Globalization;
using System.Text;
using Controller.Offloading.EdgeCloud.Acceptance;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// The acceptance table as CSV: header <c>task,draft,target,images_matter,alpha</c>, invariant culture,
/// <c>\n</c> line ends, no quoting (names must not contain commas). Errors are
/// <see cref="TraceFormatException"/>s naming the file, the line and the column, like the trace reader's.
/// </summary>
public static class AcceptanceTableCsv
{
    public const string Header = "task,draft,target,images_matter,alpha";

    private static readonly string[] Columns = Header.Split(',');

    public static string ToCsv(AcceptanceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in table.Entries)
        {
            text.Append(e.Task).Append(',').Append(e.Draft).Append(',').Append(e.Target).Append(',')
                .Append(e.ImagesMatter ? '1' : '0').Append(',')
                .Append(e.Alpha.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static void Write(string path, AcceptanceTable table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToCsv(table), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <exception cref="TraceFormatException">Missing file, bad header, bad or duplicate row.</exception>
    public static AcceptanceTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new TraceFormatException(path, 0, "(file)", "file not found");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    public static AcceptanceTable Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header is null || !string.Equals(header.Trim(), Header, StringComparison.Ordinal))
        {
            throw new TraceFormatException(source, 1, "(header)", $"expected the header '{Header}', found '{header ?? "(empty file)"}'");
        }

        var entries = new List<AcceptanceEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != Columns.Length)
            {
                string field = cells.Length < Columns.Length ? Columns[cells.Length] : "(extra)";
                throw new TraceFormatException(source, lineNumber, field, $"expected {Columns.Length} comma-separated values, found {cells.Length}");
            }

            string task = Name(cells[0], source, lineNumber, Columns[0]);
            string draft = Name(cells[1], source, lineNumber, Columns[1]);
            string target = Name(cells[2], source, lineNumber, Columns[2]);
            bool images = cells[3].Trim() switch
            {
                "1" => true,
                "0" => false,
                var other => throw new TraceFormatException(source, lineNumber, Columns[3], $"'{other}' is not 0 or 1"),
            };
            string alphaText = cells[4].Trim();
            if (!double.TryParse(alphaText, NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha) || !(alpha >= 0 && alpha <= 1))
            {
                throw new TraceFormatException(source, lineNumber, Columns[4], $"'{alphaText}' is not a probability in [0, 1]");
            }

            if (!seen.Add($"{task}\n{draft}\n{target}\n{images}"))
            {
                throw new TraceFormatException(source, lineNumber, Columns[0], $"a second row for task '{task}', pair {draft} → {target}, images_matter {cells[3].Trim()}");
            }

            entries.Add(new(task, draft, target, images, alpha));
        }

        if (entries.Count == 0)
        {
            throw new TraceFormatException(source, lineNumber, "(rows)", "the table has no rows");
        }

        return new AcceptanceTable(entries);
    }

    private static string Name(string cell, string source, int lineNumber, string field)
    {
        string text = cell.Trim();
        return text.Length > 0 ? text : throw new TraceFormatException(source, lineNumber, field, "empty");
    }
}
