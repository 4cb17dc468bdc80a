using MassTransit;

namespace Controller.Testing;

/// <summary>
/// Counts how many times the controller's bus has finished consuming a message of type <typeparamref name="T"/> that
/// matches a predicate (successfully or with a fault), so a test can wait until every copy of a redelivered message has
/// been handled instead of sleeping and hoping.
/// </summary>
public sealed class ConsumedMessages<T> : IConsumeMessageObserver<T>, IDisposable
    where T : class
{
    private readonly Func<T, bool> _matches;
    private readonly ConnectHandle _handle;
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public ConsumedMessages(IBus bus, Func<T, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _matches = matches;
        _handle = bus.ConnectConsumeMessageObserver(this);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> matching messages have been consumed; fails the test after <paramref name="seconds"/>.</summary>
    public Task WaitForAsync(int count, int seconds = 30)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return WaitAsync(reached.Task, count, seconds);
    }

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    private async Task WaitAsync(Task reached, int count, int seconds)
    {
        try
        {
            await reached.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{Count} of {count} {typeof(T).Name} messages consumed within {seconds} s", exception);
        }
    }

    public Task PostConsume(ConsumeContext<T> context) => Observed(context);

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Observed(context);

    public void Dispose() => _handle.Disconnect();

    private Task Observed(ConsumeContext<T> context)
    {
        if (!_matches(context.Message))
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _count++;
            foreach (var waiter in _waiters.Where(w => _count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }
}
