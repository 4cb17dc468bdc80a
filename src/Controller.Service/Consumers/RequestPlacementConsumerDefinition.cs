using Controller.Service.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Controller.Service.Consumers;

public sealed class RequestPlacementConsumerDefinition : ConsumerDefinition<RequestPlacementConsumer>
{
    private readonly int _prefetchCount;

    public RequestPlacementConsumerDefinition(IOptions<BusOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
        _prefetchCount = options.Value.PrefetchCount;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RequestPlacementConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Prefetch below the concurrency limit would leave consumers idle, so the larger of the two wins.
        endpointConfigurator.PrefetchCount = Math.Max(_prefetchCount, ConcurrentMessageLimit ?? 1);
        endpointConfigurator.UseTransientRetry();
    }
}
