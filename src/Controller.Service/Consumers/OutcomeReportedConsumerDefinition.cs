using Controller.Service.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Controller.Service.Consumers;

public sealed class OutcomeReportedConsumerDefinition : ConsumerDefinition<OutcomeReportedConsumer>
{
    public OutcomeReportedConsumerDefinition(IOptions<BusOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OutcomeReportedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, ConcurrentMessageLimit ?? 1);
        endpointConfigurator.UseTransientRetry();
    }
}
