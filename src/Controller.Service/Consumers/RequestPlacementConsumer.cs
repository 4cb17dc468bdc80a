using Controller.Contracts;
using Controller.Service.Decisions;
using MassTransit;

namespace Controller.Service.Consumers;

/// <summary>Request/response: answers <see cref="RequestPlacement"/> with <see cref="PlacementDecided"/>.</summary>
public sealed class RequestPlacementConsumer(DecisionService decisions) : IConsumer<RequestPlacement>
{
    public async Task Consume(ConsumeContext<RequestPlacement> context)
    {
        var decision = await decisions.DecideAsync(context.Message, context.CancellationToken);
        await context.RespondAsync(decision);
    }
}
