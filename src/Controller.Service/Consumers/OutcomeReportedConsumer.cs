using Controller.Contracts;
using Controller.Service.Ingestion;
using Controller.Service.Logging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Controller.Service.Consumers;

public sealed class OutcomeReportedConsumer(OutcomeIngestor ingestor, ILogger<OutcomeReportedConsumer> logger)
    : IConsumer<OutcomeReported>
{
    public Task Consume(ConsumeContext<OutcomeReported> context)
        => ConsumerFaults.GuardAsync(context, logger, async () =>
    {
        if (!await ingestor.IngestAsync(context.Message, context.CancellationToken))
        {
            Log.DuplicateOutcome(logger, context.Message.DecisionId);
        }
    });
}
