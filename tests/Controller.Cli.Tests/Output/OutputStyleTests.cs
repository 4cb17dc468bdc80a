using Controller.Cli.Output;
using Spectre.Console;

namespace Controller.Cli.Tests.Output;

public sealed class OutputStyleTests
{
    [Theory]
    [InlineData(true, false, null, false, false)]
    [InlineData(true, true, "1", false, false)]
    [InlineData(false, false, null, true, true)]
    [InlineData(false, false, "", true, true)]
    [InlineData(false, false, "1", true, false)]
    [InlineData(false, true, null, true, false)]
    public void Detect_RedirectionFlagAndNoColor_ChooseTerminalAndColour(bool redirected, bool flag, string? noColor, bool terminal, bool colour)
    {
        Assert.Equal(new OutputStyle(terminal, colour), OutputStyle.Detect(redirected, flag, noColor));
    }

    [Fact]
    public void CreateConsole_Plain_WritesNoEscapeCodesAndDoesNotWrapWideTables()
    {
        var writer = new StringWriter();
        var console = Terminal.CreateConsole(OutputStyle.Plain, writer);
        var wide = new string('x', 300);

        console.MarkupLine("[bold red]alarm[/] and [link]a link[/]");
        console.Write(new Table().AddColumn("name").AddColumn("value").AddRow("wide", wide));

        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("alarm and a link", text, StringComparison.Ordinal);
        Assert.Contains($"│ {wide} │", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateConsole_TerminalWithoutColour_WritesNoColourCodes()
    {
        var writer = new StringWriter();
        var console = Terminal.CreateConsole(new OutputStyle(Terminal: true, Colour: false), writer);

        console.MarkupLine("[red]alarm[/] [green on blue]ok[/]");

        // SGR 30–49 and 90–107 set colours; none may appear (bold and cursor codes are not colour).
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])m", writer.ToString());
    }
}
