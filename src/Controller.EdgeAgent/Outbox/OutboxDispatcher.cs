using System.Text.Json;
using Controller.Contracts;
using Controller.EdgeAgent.Clients;

namespace Controller.EdgeAgent.Outbox;

/// <summary>
/// Sends the outbox to the controller oldest first, one message at a time, deleting each only after the transport
/// accepted it (MassTransit publish with broker confirms, or an HTTP 2xx). The first failure stops the pass and the
/// same message is retried after a growing delay, so the controller receives messages in queue order. A message sent
/// whose deletion was then lost (a crash between the two) is sent again: the controller stores a heartbeat or outcome
/// id once, which is what makes replay safe. A message the controller refuses as invalid is quarantined, never resent.
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly SqliteOutbox _outbox;
    private readonly IControllerClient _controller;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private long _sent;
    private long _failures;

    public OutboxDispatcher(SqliteOutbox outbox, IControllerClient controller, OutboxOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _outbox = outbox;
        _controller = controller;
        _options = options;
        _clock = clock;
    }

    /// <summary>Messages delivered so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Failed send attempts so far (each is retried).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>True while the last attempt failed: the controller or broker is unreachable as far as telemetry goes.</summary>
    public bool Disconnected { get; private set; }

    /// <summary>Wakes the loop: something was queued.</summary>
    public void Signal()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller signalled in between; one wake-up is enough.
            }
        }
    }

    /// <summary>Sends until <paramref name="stop"/>: a pass whenever signalled or every poll interval, backing off after failures.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var delay = _options.RetryDelay;
        while (!stop.IsCancellationRequested)
        {
            bool delivered;
            try
            {
                delivered = await PassAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // The outbox file itself failed (disk full, I/O error): the loop must outlive it and try again.
                delivered = false;
                Disconnected = true;
            }

            try
            {
                if (delivered)
                {
                    delay = _options.RetryDelay;
                    await _wake.WaitAsync(_options.PollInterval, stop);
                }
                else
                {
                    await Task.Delay(delay, _clock, stop);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Graceful shutdown: sends what is queued until the outbox is empty or <paramref name="timeout"/> passes.</summary>
    /// <returns>True when the outbox is empty; what is left otherwise stays in the file for the next start.</returns>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout, _clock);
        try
        {
            while (!await PassAsync(deadline.Token))
            {
                await Task.Delay(_options.RetryDelay, _clock, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }

        return (await _outbox.CountersAsync(CancellationToken.None)).Pending == 0;
    }

    /// <summary>One pass over the queue.</summary>
    /// <returns>True when the queue was emptied; false when a send failed.</returns>
    private async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        // One pass at a time (the loop and a flush may overlap): two senders would reorder messages.
        await _pass.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var batch = await _outbox.PeekAsync(_options.BatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    Disconnected = false;
                    return true;
                }

                foreach (var entry in batch)
                {
                    if (!await SendAsync(entry, cancellationToken))
                    {
                        Disconnected = true;
                        Interlocked.Increment(ref _failures);
                        return false;
                    }
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <returns>False when the transport failed and the entry stays queued.</returns>
    private async Task<bool> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        try
        {
            switch (entry.Kind)
            {
                case OutboxKind.Heartbeat:
                    await _controller.SendHeartbeatAsync(Parse<HeartbeatReported>(entry), timeout.Token);
                    break;
                case OutboxKind.Outcome:
                    await _controller.ReportOutcomeAsync(Parse<OutcomeReported>(entry), timeout.Token);
                    break;
            }
        }
        catch (Exception ex) when (ex is ControllerRejectedException or JsonException or NotSupportedException)
        {
            await _outbox.QuarantineAsync(entry.Sequence, ex.Message, _clock.GetUtcNow(), CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the transport throws (unreachable, timed out, connection reset, a broker refusing while it
            // recovers) means "not delivered yet"; the message stays first in line.
            return false;
        }

        await _outbox.RemoveAsync(entry.Sequence, CancellationToken.None);
        Interlocked.Increment(ref _sent);
        return true;
    }

    private static T Parse<T>(OutboxEntry entry) =>
        JsonSerializer.Deserialize<T>(entry.Json, ContractJson.Options)
        ?? throw new JsonException($"outbox row {entry.Sequence} holds JSON null instead of a {typeof(T).Name}");
}
