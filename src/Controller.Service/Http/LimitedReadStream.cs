namespace Controller.Service.Http;

/// <summary>
/// Reads through to a request body and stops with <see cref="PayloadTooLargeException"/> once more than
/// <c>limit</c> bytes have come, so a body without a <c>Content-Length</c> is refused as it streams in, without
/// first being buffered.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string messageType) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read <= limit
            ? read
            : throw new PayloadTooLargeException(messageType, $"body exceeds the {limit}-byte limit (sent without a Content-Length)");
    }
}
