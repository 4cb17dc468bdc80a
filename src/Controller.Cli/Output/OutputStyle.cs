namespace Controller.Cli.Output;

/// <summary>
/// How the CLI writes to standard output. A terminal gets colour, redrawn progress bars and tables fitted to its
/// width. A file or a pipe gets plain text: no escape codes at all, no progress bars, and lines as long as their
/// content, so a table is never wrapped or cut to 80 columns. <c>--no-color</c>, or a non-empty <c>NO_COLOR</c>
/// variable (the https://no-color.org convention), turns colour off on a terminal too.
/// </summary>
/// <param name="Terminal">Standard output is an interactive terminal: progress bars are drawn and tables fit its width.</param>
/// <param name="Colour">Colour (and other escape codes for style) may be written.</param>
internal sealed record OutputStyle(bool Terminal, bool Colour)
{
    /// <summary>Plain text, for files, pipes and tests.</summary>
    public static OutputStyle Plain { get; } = new(Terminal: false, Colour: false);

    /// <param name="outputRedirected"><see cref="Console.IsOutputRedirected"/>.</param>
    /// <param name="noColorFlag">The <c>--no-color</c> option.</param>
    /// <param name="noColorVariable">The value of <c>NO_COLOR</c>; any non-empty value turns colour off.</param>
    public static OutputStyle Detect(bool outputRedirected, bool noColorFlag, string? noColorVariable)
    {
        var terminal = !outputRedirected;
        return new(terminal, terminal && !noColorFlag && string.IsNullOrEmpty(noColorVariable));
    }
}
