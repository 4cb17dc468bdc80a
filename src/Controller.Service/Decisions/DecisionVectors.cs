using System.Buffers.Binary;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;

namespace Controller.Service.Decisions;

/// <summary>
/// How a decision's observation and mask are stored for off-policy evaluation: the observation as float32 little-endian
/// (4 bytes per feature, in the encoder's feature order), the mask as one byte per action (1 = allowed).
/// </summary>
public static class DecisionVectors
{
    /// <summary>The stored form of <paramref name="observation"/>; null for none.</summary>
    public static byte[]? Observation(IReadOnlyList<float>? observation) =>
        observation is null ? null : ObservationBytes(observation as float[] ?? [.. observation]);

    /// <summary>The stored form of <paramref name="mask"/>; null for none.</summary>
    public static byte[]? Mask(IReadOnlyList<bool>? mask) => mask is null ? null : MaskBytes(mask as bool[] ?? [.. mask]);

    // float32 little-endian, in feature order.
    private static byte[] ObservationBytes(ReadOnlySpan<float> observation)
    {
        var bytes = new byte[observation.Length * sizeof(float)];
        for (var i = 0; i < observation.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), observation[i]);
        }

        return bytes;
    }

    // One byte per action, 1 = allowed.
    private static byte[] MaskBytes(ReadOnlySpan<bool> mask)
    {
        var bytes = new byte[mask.Length];
        for (var a = 0; a < mask.Length; a++)
        {
            bytes[a] = mask[a] ? (byte)1 : (byte)0;
        }

        return bytes;
    }

    /// <summary>
    /// The stored observation and mask of <paramref name="context"/> under <paramref name="problem"/>, built with the serving
    /// encoder the learned policy uses (<see cref="EdgeCloudServingSituation"/>), for a decision whose policy built none (the
    /// baseline's); null when the problem cannot describe the context (no heartbeat yet, an unknown device class, more
    /// offers than slots, a field out of range). Allocates only the two blobs and the problem's decision.
    /// </summary>
    public static (byte[] Observation, byte[] Mask)? Encode(PlacementContext context, EdgeCloudServingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        EdgeCloudDecision? decision;
        try
        {
            decision = EdgeCloudServingSituation.Create(context, problem, out _);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (decision is null)
        {
            return null;
        }

        var actions = CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, problem.MaxDraftLength).Count;
        Span<float> observation = stackalloc float[EdgeCloudObservation.Size];
        Span<bool> mask = actions <= 1_024 ? stackalloc bool[actions] : new bool[actions];
        EdgeCloudServingSituation.Write(decision, problem, observation, mask);
        return (ObservationBytes(observation), MaskBytes(mask));
    }

    /// <summary>The observation a stored blob holds.</summary>
    /// <exception cref="ArgumentException">The blob's length is not a multiple of 4.</exception>
    public static float[] ReadObservation(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"An observation blob holds 4 bytes per feature; got {bytes.Length} bytes.", nameof(bytes));
        }

        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return values;
    }
}
