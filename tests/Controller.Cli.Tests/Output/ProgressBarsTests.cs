using Controller.Cli.Output;
using Spectre.Console;

namespace Controller.Cli.Tests.Output;

public sealed class ProgressBarsTests
{
    [Fact]
    public void Show_TerminalAndAJobThatReportsShortOfItsTotal_EndsAt100Percent()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });

        var answer = ProgressBars.Show(console, bars =>
        {
            var bar = bars.Add("12 methods × 1 seed", 12);
            bar.Report(10);
            return 42;
        });

        Assert.Equal(42, answer);
        var text = writer.ToString();
        var last = text.LastIndexOf("12 methods × 1 seed", StringComparison.Ordinal);
        Assert.True(last >= 0, text);
        Assert.Contains("100%", text[last..], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_NotATerminal_WritesNothingAndStillRunsTheJob()
    {
        var writer = new StringWriter();
        var console = Terminal.CreateConsole(OutputStyle.Plain, writer);

        var answer = ProgressBars.Show(console, bars =>
        {
            var bar = bars.Add("train", 100);
            bar.Report(50);
            bar.Complete();
            return "done";
        });

        Assert.Equal("done", answer);
        Assert.Equal(string.Empty, writer.ToString());
    }
}
