using Controller.Contracts;
using Controller.Service.Decisions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Consumers;

/// <summary>Request/response: answers <see cref="RequestPlacement"/> with <see cref="PlacementDecided"/>.</summary>
public sealed class RequestPlacementConsumer(DecisionService decisions, ILogger<RequestPlacementConsumer> logger) : IConsumer<RequestPlacement>
{
    public Task Consume(ConsumeContext<RequestPlacement> context) => ConsumerFaults.GuardAsync(context, logger, async () =>
    {
        var decision = await decisions.DecideAsync(context.Message, context.CancellationToken);
        await context.RespondAsync(decision);
    });
}
