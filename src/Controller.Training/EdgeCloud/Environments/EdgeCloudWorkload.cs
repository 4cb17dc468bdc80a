using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>
/// The seeded request generator. Per request: a task drawn uniformly from M4A1's four categories; prompt
/// tokens uniform in [30, 400]; answer length log-normal with median 150 tokens, clipped to [20, 600]; three
/// camera-view slots, each present with probability 0.6, 150–900 kB each; whether images matter (probability
/// 0.8 for Query, 0.4 otherwise) — relevant views get r ∈ [0.5, 1], others r ∈ [0, 0.2]; the true text-only α
/// is the task prior plus N(0, 0.08), clipped to [0.35, 0.95], and the device's estimate adds N(0, 0.03);
/// free memory is plentiful with probability 0.8, otherwise tight (draft model + 0..K draft tokens, SpecMemo's
/// case); think time exponential with the configured mean; a request samples (temperature &gt; 0) with probability
/// 0.3, and then each draft token carries the draft's top-64 probabilities (<see cref="SampledDraftTokenBits"/>) so the
/// cloud can verify by speculative sampling; greedy requests send 32-bit ids. All assumptions; see docs/edge-cloud.md.
/// Deterministic for a seed; one instance per simulated device.
/// </summary>
public sealed class EdgeCloudWorkload
{
    /// <summary>Modality slots per request (M of the action space).</summary>
    public const int ModalitySlots = EdgeCloudProblem.ModalitySlots;

    /// <summary>Uplink bits per draft token of a sampled request: 64 × (32-bit id + 16-bit probability).</summary>
    public const double SampledDraftTokenBits = EdgeCloudProblem.SampledDraftTokenBits;

    /// <summary>Share of requests decoded by sampling at T = 1 (the rest greedy); assumption.</summary>
    public const double SampledShare = 0.3;

    /// <summary>M4A1's task categories, in observation order.</summary>
    public static IReadOnlyList<string> Tasks => EdgeCloudProblem.Tasks;

    private readonly AcceptanceModel _acceptance;
    private readonly double _meanThinkSeconds;
    private readonly int _maxDraftLength;
    private Random _random;

    public EdgeCloudWorkload(AcceptanceModel acceptance, double meanThinkSeconds, int maxDraftLength, int seed)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        _acceptance = acceptance;
        _meanThinkSeconds = meanThinkSeconds;
        _maxDraftLength = maxDraftLength;
        _random = new Random(seed);
    }

    /// <summary>Restarts the sequence from <paramref name="seed"/>.</summary>
    public void Reseed(int seed) => _random = new Random(seed);

    /// <summary>Draws the next request for <paramref name="device"/>.</summary>
    public EdgeCloudRequest Next(DeviceProfile device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var r = _random;
        var task = Tasks[r.Next(Tasks.Count)];
        var prompt = 30 + r.Next(371);
        var output = (int)Math.Clamp(Math.Round(150 * Math.Exp(0.5 * Normal(r))), 20, 600);
        var imagesMatter = r.NextDouble() < (task == "Query" ? 0.8 : 0.4);
        var slots = new ModalitySlot[ModalitySlots];
        for (var i = 0; i < slots.Length; i++)
        {
            var present = r.NextDouble() < 0.6;
            var size = 150_000 + r.Next(750_001);
            var relevance = imagesMatter ? 0.5 + (0.5 * r.NextDouble()) : 0.2 * r.NextDouble();
            slots[i] = present ? new ModalitySlot(true, size, relevance) : default;
        }

        var sampled = r.NextDouble() < SampledShare;
        // The acceptance priors are greedy-decoding α; sampling at T = 1 accepts fewer drafts (Leviathan et al.).
        var alpha = Math.Clamp(_acceptance.Prior(task) + (0.08 * Normal(r)) - (sampled ? AcceptanceModel.SamplingAlphaPenalty : 0), 0.25, 0.95);
        var estimate = Math.Clamp(alpha + (0.03 * Normal(r)), 0, 1);
        var perToken = device.DraftMemoryMbPerDraftToken;
        var free = r.NextDouble() < 0.8
            ? device.DraftModelMemoryMb + ((_maxDraftLength + 1 + (r.NextDouble() * 2_000)) * perToken)
            : device.DraftModelMemoryMb + (r.NextDouble() * (_maxDraftLength + 1) * perToken);
        var think = -_meanThinkSeconds * Math.Log(1 - r.NextDouble());
        var bits = sampled ? SampledDraftTokenBits : WireFormat.Default.DraftTokenBits;
        return new EdgeCloudRequest(task, prompt, output, slots, alpha, estimate, free, think, bits);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
