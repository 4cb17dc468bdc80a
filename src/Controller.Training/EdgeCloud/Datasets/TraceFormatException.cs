namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// A shipped edge-cloud data file (channel trace CSV, generator config JSON, acceptance table) cannot be
/// used. The message names the file, the 1-based line and the field, so a bad row in a hand-edited file
/// can be found without a debugger.
/// </summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(string filePath, int lineNumber, string field, string problem)
        : base($"{filePath}:{lineNumber}: field '{field}': {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Field = field;
    }

    public TraceFormatException(string filePath, int lineNumber, string field, string problem, Exception inner)
        : base($"{filePath}:{lineNumber}: field '{field}': {problem}", inner)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Field = field;
    }

    public TraceFormatException()
        : this("(unknown file)", 0, "(unknown field)", "malformed data")
    {
    }

    public TraceFormatException(string message)
        : base(message)
    {
        FilePath = "(unknown file)";
        Field = "(unknown field)";
    }

    public TraceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown file)";
        Field = "(unknown field)";
    }

    /// <summary>The file as it was given to the reader.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number; 0 when the problem is the file itself (missing, empty).</summary>
    public int LineNumber { get; }

    /// <summary>Column or property name the problem is in.</summary>
    public string Field { get; }
}
