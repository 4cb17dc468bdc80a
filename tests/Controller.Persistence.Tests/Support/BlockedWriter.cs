namespace Controller.Persistence.Tests.Support;

/// <summary>Waits for a writer that another transaction's lock should hold up, without guessing how long that takes.</summary>
internal static class BlockedWriter
{
    /// <summary>How long a writer may take to reach its lock before the test fails (a slow, shared CI box).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Polls <paramref name="blocked"/> until it holds; fails if <paramref name="writer"/> finishes first (it was not held
    /// up, so the race the test means to set up did not happen) or after <see cref="Timeout"/>.
    /// </summary>
    public static async Task WaitAsync(Task writer, Func<Task<bool>> blocked, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await blocked())
        {
            if (writer.IsCompleted)
            {
                await writer;
                Assert.Fail($"The writer finished before {what}: it was never held up by the other transaction.");
            }

            Assert.True(DateTime.UtcNow < deadline, $"The writer did not reach {what} within {Timeout.TotalSeconds} s.");
            await Task.Delay(10);
        }
    }
}
