using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Controller.Service.Policies;

/// <summary>
/// Which devices the canary decides for: a device is in the canary group when the first 64 bits of
/// SHA-256("{canary name}/{canary version}\n{device id}"), read as a fraction of 2^64, fall below the canary share.
/// SHA-256 rather than <see cref="string.GetHashCode()"/> because the latter is randomised per process, and replicas
/// must agree. Salting with the canary's version gives each canary a different group, so the same devices do not carry
/// the risk of every trial; for one canary a device stays in its group on every replica and restart.
/// </summary>
public static class CanaryAssignment
{
    private const double TwoToThe64 = 18446744073709551616.0;

    /// <summary>The device's position in [0, 1) for this canary.</summary>
    public static double Position(string canaryName, string canaryVersion, string deviceId)
    {
        var text = $"{canaryName}/{canaryVersion}\n{deviceId}";
        Span<byte> utf8 = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var written = Encoding.UTF8.GetBytes(text, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / TwoToThe64;
    }

    /// <summary>True when the canary decides for <paramref name="deviceId"/> at share <paramref name="share"/> ∈ [0, 1].</summary>
    public static bool IsInCanary(string canaryName, string canaryVersion, string deviceId, double share) =>
        share > 0 && Position(canaryName, canaryVersion, deviceId) < share;
}
