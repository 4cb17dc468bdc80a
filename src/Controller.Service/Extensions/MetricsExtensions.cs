using Controller.Service.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Controller.Service.Extensions;

public static class MetricsExtensions
{
    /// <summary><c>GET /metrics</c>: this host's <see cref="OperatorMetrics"/> in the Prometheus text format.</summary>
    public static IEndpointConventionBuilder MapOperatorMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapMetrics("/metrics", app.Services.GetRequiredService<OperatorMetrics>().Registry);
    }
}
