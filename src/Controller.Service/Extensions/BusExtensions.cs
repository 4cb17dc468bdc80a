using Controller.Contracts;
using Controller.Service.Consumers;
using Controller.Service.Options;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Controller.Service.Extensions;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit with the controller's consumers on the transport configured in section <c>Bus</c>:
    /// in-memory (one process) or RabbitMQ (competing consumers across replicas).
    /// </summary>
    public static IServiceCollection AddControllerBus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusOptions>()
            .Bind(configuration.GetSection(BusOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, includeNamespace: false));
            x.AddConsumer<HeartbeatReportedConsumer, HeartbeatReportedConsumerDefinition>();
            x.AddConsumer<RequestPlacementConsumer, RequestPlacementConsumerDefinition>();
            x.AddConsumer<OutcomeReportedConsumer, OutcomeReportedConsumerDefinition>();
            if (options.AutoDeleteQueues)
            {
                x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.AutoDelete = true;
                    }
                });
            }

            switch (options.Transport)
            {
                case BusTransport.RabbitMq:
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        var rabbit = context.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq;
                        cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                        {
                            h.Username(rabbit.Username);
                            h.Password(rabbit.Password);
                        });
                        cfg.ConfigureJsonSerializerOptions(ContractJson.AddTo);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    x.UsingInMemory((context, cfg) =>
                    {
                        cfg.ConfigureJsonSerializerOptions(ContractJson.AddTo);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
            }
        });

        return services;
    }
}
