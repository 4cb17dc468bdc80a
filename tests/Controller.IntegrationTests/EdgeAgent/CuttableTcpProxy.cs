using System.Net;
using System.Net.Sockets;

namespace Controller.IntegrationTests.EdgeAgent;

/// <summary>
/// A TCP forwarder on 127.0.0.1 that the test owns, in front of the shared broker: <see cref="Cut"/> resets every
/// connection through it and refuses new ones (accepted, then closed at once) until <see cref="Restore"/>. To a client
/// this is the broker becoming unreachable; the shared broker itself is never touched.
/// </summary>
internal sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    public CuttableTcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections refused while cut (the client's reconnect attempts).</summary>
    public int Refused { get; private set; }

    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var client in _open)
            {
                // Linger 0: the peer sees a reset, as when a broker host dies, not a polite close.
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
            bool cut;
            lock (_gate)
            {
                cut = _cut;
            }

            if (cut)
            {
                Refused++;
                downstream.Dispose();
                continue;
            }

            _ = Task.Run(() => ForwardAsync(downstream));
        }
    }

    private async Task ForwardAsync(TcpClient downstream)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
            lock (_gate)
            {
                if (_cut)
                {
                    return;
                }

                _open.Add(downstream);
                _open.Add(upstream);
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = downstream.GetStream().CopyToAsync(upstream.GetStream(), either.Token);
            var down = upstream.GetStream().CopyToAsync(downstream.GetStream(), either.Token);
            await Task.WhenAny(up, down);
            await either.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // A cut or a closed peer ends the pair.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(downstream);
                _open.Remove(upstream);
            }

            downstream.Dispose();
            upstream.Dispose();
        }
    }
}
