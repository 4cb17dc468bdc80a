namespace Controller.Offloading.EdgeCloud;

/// <summary>
/// Sizes of what crosses the link, bytes unless stated. Defaults on <see cref="Default"/>.
/// </summary>
/// <param name="TextBytesPerToken">UTF-8 bytes per prompt or output token (≈ 4 characters of English per token).</param>
/// <param name="RequestFramingBytes">TLS, HTTP/2 and JSON envelope of the initial request.</param>
/// <param name="ResponseFramingBytes">Envelope of the streamed response.</param>
/// <param name="DraftTokenBits">b, uplink bits per draft token: a 32-bit token id (greedy or id-only verification).</param>
/// <param name="RoundHeaderBits">h, framing of one verification request, bits.</param>
/// <param name="RoundReplyBits">b_dn, the verdict (accepted count and correction token) with its framing, bits.</param>
public sealed record WireFormat(
    double TextBytesPerToken,
    double RequestFramingBytes,
    double ResponseFramingBytes,
    double DraftTokenBits,
    double RoundHeaderBits,
    double RoundReplyBits)
{
    /// <summary>4 bytes/token, 800 B request and 400 B response envelopes, 32-bit draft ids, 200 B / 100 B per round.</summary>
    public static WireFormat Default { get; } = new(
        TextBytesPerToken: 4,
        RequestFramingBytes: 800,
        ResponseFramingBytes: 400,
        DraftTokenBits: 32,
        RoundHeaderBits: 200 * 8,
        RoundReplyBits: 100 * 8);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first parameter that is not a finite number ≥ 0.</summary>
    public void Validate()
    {
        Require(TextBytesPerToken, nameof(TextBytesPerToken));
        Require(RequestFramingBytes, nameof(RequestFramingBytes));
        Require(ResponseFramingBytes, nameof(ResponseFramingBytes));
        Require(DraftTokenBits, nameof(DraftTokenBits));
        Require(RoundHeaderBits, nameof(RoundHeaderBits));
        Require(RoundReplyBits, nameof(RoundReplyBits));
    }

    private static void Require(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Wire format: {name} must be a finite number ≥ 0.");
        }
    }
}
