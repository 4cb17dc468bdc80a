using Controller.Contracts;
using Controller.Service.Ingestion;
using Controller.Service.Logging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Consumers;

public sealed class HeartbeatReportedConsumer(HeartbeatIngestor ingestor, ILogger<HeartbeatReportedConsumer> logger)
    : IConsumer<HeartbeatReported>
{
    public Task Consume(ConsumeContext<HeartbeatReported> context)
        => ConsumerFaults.GuardAsync(context, logger, async () =>
    {
        if (!await ingestor.IngestAsync(context.Message, context.CancellationToken))
        {
            Log.DuplicateHeartbeat(logger, context.Message.HeartbeatId, context.Message.DeviceId);
        }
    });
}
