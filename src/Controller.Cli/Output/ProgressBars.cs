using Spectre.Console;

namespace Controller.Cli.Output;

/// <summary>
/// Progress bars for long jobs (training, evaluation). They are drawn only on an interactive terminal: in a file or
/// a pipe a redrawn bar is noise, so nothing is written there and the job's own summary follows. A job that returns
/// leaves every bar it started at 100 %.
/// </summary>
internal sealed class ProgressBars
{
    private readonly ProgressContext? _context;
    private readonly List<ProgressBar> _bars = [];

    private ProgressBars(ProgressContext? context) => _context = context;

    /// <summary>Runs <paramref name="work"/>, drawing the bars it adds on <paramref name="console"/> when that is a terminal.</summary>
    public static T Show<T>(IAnsiConsole console, Func<ProgressBars, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new ProgressBars(null));
        }

        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var bars = new ProgressBars(context);
                result = work(bars);
                foreach (var bar in bars._bars)
                {
                    bar.Complete();
                }

                // Draw the filled bars now: the display otherwise keeps its last timed refresh.
                context.Refresh();
            });
        return result;
    }

    /// <summary>A new bar counting up to <paramref name="total"/>.</summary>
    public ProgressBar Add(string description, long total)
    {
        var bar = new ProgressBar(_context?.AddTask(Markup.Escape(description), maxValue: total));
        _bars.Add(bar);
        return bar;
    }
}
