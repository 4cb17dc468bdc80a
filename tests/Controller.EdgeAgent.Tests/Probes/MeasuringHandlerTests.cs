using Controller.EdgeAgent.Probes;
using Controller.EdgeAgent.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Controller.EdgeAgent.Tests.Probes;

/// <summary>The handler against a real Kestrel server on loopback: its samples come from the exchanges themselves.</summary>
public sealed class MeasuringHandlerTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/small", () => "ok");
            app.MapGet("/large", () => Results.Bytes(new byte[512 * 1024], "application/octet-stream"));
            app.MapPost("/upload", async (HttpRequest request) =>
            {
                using var sink = new MemoryStream();
                await request.Body.CopyToAsync(sink);
                return sink.Length;
            });
        });
        _address = _server.Address;
    }
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_SmallExchange_RoundTripSampled()
    {
        var estimator = new NetworkEstimator();
        using var http = new HttpClient(new MeasuringHandler(estimator) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _address };

        Assert.Equal("ok", await http.GetStringAsync("small"));

        Assert.InRange(estimator.Current.RttMs!.Value, double.Epsilon, 10_000);
        Assert.Null(estimator.Current.UplinkMbps);
        Assert.Null(estimator.Current.DownlinkMbps);
    }

    [Fact]
    public async Task Send_LargeBodies_ThroughputSampledBothWays()
    {
        var estimator = new NetworkEstimator();
        using var http = new HttpClient(new MeasuringHandler(estimator) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _address };

        var body = await http.GetByteArrayAsync("large");
        using var upload = await http.PostAsync("upload", new ByteArrayContent(new byte[256 * 1024]));

        Assert.Equal(512 * 1024, body.Length);
        Assert.Equal((256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), await upload.Content.ReadAsStringAsync());
        Assert.InRange(estimator.Current.DownlinkMbps!.Value, double.Epsilon, double.MaxValue);
        Assert.InRange(estimator.Current.UplinkMbps!.Value, double.Epsilon, double.MaxValue);
    }
}
