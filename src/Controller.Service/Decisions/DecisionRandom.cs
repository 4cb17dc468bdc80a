using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Decisions;

/// <summary>
/// The randomness behind exploration. Seeded (option <c>Decision:Seed</c>) for reproducible runs, in
/// which case calls are serialised; otherwise the thread-safe shared generator.
/// </summary>
public sealed class DecisionRandom(IOptions<DecisionOptions> options)
{
    private readonly Random? _seeded = options.Value.Seed is { } seed ? new Random(seed) : null;

    public T With<T>(Func<Random, T> use)
    {
        if (_seeded is null)
        {
            return use(Random.Shared);
        }

        lock (_seeded)
        {
            return use(_seeded);
        }
    }
}
