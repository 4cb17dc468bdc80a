using System.Diagnostics;

namespace Controller.EdgeAgent.Probes;

/// <summary>
/// Feeds a <see cref="NetworkEstimator"/> from every HTTP exchange of the agent (controller, model servers): the time to
/// response headers of a request with a small body is a round-trip sample; a large request body sent in that time is an
/// uplink sample (a lower bound: it includes the server's think time); a large response body is a downlink sample,
/// timed from the headers to its last byte, read as the caller reads it so streaming stays streaming.
/// </summary>
public sealed class MeasuringHandler(NetworkEstimator estimator) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var upBytes = request.Content?.Headers.ContentLength ?? 0;
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        var toHeaders = Stopwatch.GetElapsedTime(started);
        if (upBytes >= estimator.MinTransferBytes)
        {
            estimator.ObserveTransfer(upBytes, toHeaders, uplink: true);
        }
        else
        {
            estimator.ObserveRoundTrip(toHeaders);
        }

        var inner = response.Content;
        var body = await inner.ReadAsStreamAsync(cancellationToken);
        var counted = new StreamContent(new CountingStream(body, (bytes, elapsed) => estimator.ObserveTransfer(bytes, elapsed, uplink: false)));
        foreach (var header in inner.Headers)
        {
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = counted;
        return response;
    }

    /// <summary>Counts bytes read and reports them once, at end of stream or disposal.</summary>
    private sealed class CountingStream(Stream inner, Action<long, TimeSpan> report) : Stream
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _bytes;
        private bool _reported;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _bytes; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Report();
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            _bytes += read;
            if (read == 0)
            {
                Report();
            }

            return read;
        }

        private void Report()
        {
            if (!_reported)
            {
                _reported = true;
                report(_bytes, Stopwatch.GetElapsedTime(_started));
            }
        }
    }
}
