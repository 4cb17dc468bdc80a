using Spectre.Console;

namespace Controller.Cli.Output;

/// <summary>One bar of <see cref="ProgressBars"/>; reports are dropped when no bar is drawn.</summary>
internal sealed class ProgressBar(ProgressTask? task) : IProgress<long>, IProgress<int>
{
    // Reports arrive inline from the job's thread (not through Progress<T>'s thread pool), so the bar never lags it.
    public void Report(long value)
    {
        if (task is not null)
        {
            task.Value = Math.Min(value, task.MaxValue);
        }
    }

    public void Report(int value) => Report((long)value);

    /// <summary>Fills the bar: the job it follows has finished, whatever its last report said.</summary>
    public void Complete()
    {
        if (task is not null)
        {
            task.Value = task.MaxValue;
        }
    }
}
