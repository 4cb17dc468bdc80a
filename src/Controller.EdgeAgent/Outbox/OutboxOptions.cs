namespace Controller.EdgeAgent.Outbox;

/// <summary>The telemetry outbox's settings (configuration section <c>EdgeAgent:Outbox</c>).</summary>
public sealed record OutboxOptions
{
    /// <summary>SQLite file of the outbox. Default <c>edge-agent-outbox.db</c> (relative to the working directory).</summary>
    public string Path { get; init; } = "edge-agent-outbox.db";

    /// <summary>Most messages kept while the controller is unreachable; past it the oldest are dropped and counted. Default 100,000.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>How long one send may take before the transport counts as unreachable. Default 5 s.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed send; doubled after each further failure up to <see cref="MaxRetryDelay"/>. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts while the controller stays unreachable. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the queue is looked at when nothing signalled new messages. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows read from the file at a time. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("EdgeAgent:Outbox:Path must name a file", nameof(Path));
        }

        if (Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "EdgeAgent:Outbox:Capacity must be at least 1");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "EdgeAgent:Outbox:BatchSize must be at least 1");
        }

        foreach (var (name, value) in new[] { (nameof(SendTimeout), SendTimeout), (nameof(RetryDelay), RetryDelay), (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(PollInterval), PollInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"EdgeAgent:Outbox:{name} must be positive");
            }
        }

        if (MaxRetryDelay < RetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "EdgeAgent:Outbox:MaxRetryDelay must not be below RetryDelay");
        }
    }
}
