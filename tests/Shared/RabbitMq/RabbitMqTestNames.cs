using System.Globalization;
using System.Security.Cryptography;

namespace Controller.Testing;

/// <summary>
/// Queue and exchange names no other test uses, so tests need no shared cleanup and can run in
/// parallel against one broker.
/// </summary>
public static class RabbitMqTestNames
{
    /// <summary>Every generated name starts with this, so leftovers are easy to find in the management UI.</summary>
    public const string NamePrefix = "ctest.";

    // RabbitMQ rejects queue and exchange names longer than 255 bytes; stay far below.
    private const int MaxLabelLength = 100;

    /// <summary>
    /// A unique name: <c>ctest.&lt;label&gt;.&lt;yyyyMMddHHmmss&gt;.&lt;8 hex&gt;</c>.
    /// </summary>
    /// <param name="label">Readable part: letters, digits, '-', '_' or '.', at most 100 characters.</param>
    /// <exception cref="ArgumentException">The label is empty, too long or holds other characters.</exception>
    public static string Unique(string label)
    {
        if (string.IsNullOrEmpty(label) || label.Length > MaxLabelLength)
        {
            throw new ArgumentException(
                $"Queue label '{label}' must be 1 to {MaxLabelLength} characters long.", nameof(label));
        }

        foreach (var c in label)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException(
                    $"Queue label '{label}' holds '{c}'; use letters, digits, '-', '_' and '.' only.", nameof(label));
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{NamePrefix}{label}.{DateTime.UtcNow:yyyyMMddHHmmss}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
    }
}
