using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Controller.Contracts;
using Controller.Persistence;
using Controller.Service.Consumers;
using Controller.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.IntegrationTests.Messaging;

/// <summary>
/// Bytes a broken or hostile agent could put on the heartbeat queue. Each must land in the error
/// queue with a reason naming the problem, write nothing, and leave the consumer serving.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqBadInputTests(RabbitMqControllerFixture fixture) : IClassFixture<RabbitMqControllerFixture>, IAsyncLifetime
{
    private RabbitMqQueueInspector _broker = null!;

    public async Task InitializeAsync() => _broker = await RabbitMqQueueInspector.ConnectAsync(RabbitMqTestSettings.Endpoint);

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private string Queue => new KebabCaseEndpointNameFormatter(fixture.EndpointPrefix, includeNamespace: false).Consumer<HeartbeatReportedConsumer>();

    private string ErrorQueue => Queue + "_error";

    public static TheoryData<string, string, string> BadHeartbeats() => new()
    {
        // case, field to change ("" = raw body), new raw JSON value or body; expected text in the reason
        { "malformed json", "", "{\"messageType\": [\"urn:message:Controller.Contracts:HeartbeatReported\"], \"message\": {" },
        { "missing field", "-deviceId", "deviceId" },
        { "NaN", "batteryPercent", "\"NaN\"" },
        { "negative", "energyBudgetRemainingJoules", "-5" },
        { "absurd", "rttMs", "1e12" },
        { "unknown enum", "network", "\"carrierPigeon\"" },
        { "unknown schema version", "schemaVersion", "7" },
    };

    [Theory]
    [MemberData(nameof(BadHeartbeats))]
    public async Task Heartbeat_BadInputOverAmqp_ErrorQueueWithReasonAndNothingWritten(string name, string field, string value)
    {
        var heartbeat = TestMessages.Heartbeat($"bad-{Guid.NewGuid():N}");
        var errorsBefore = await _broker.QueueExistsAsync(ErrorQueue) ? await _broker.GetMessageCountAsync(ErrorQueue) : 0;

        await _broker.PublishAsync(Queue, Encoding.UTF8.GetBytes(Body(heartbeat, field, value)), contentType: "application/vnd.masstransit+json");

        await _broker.WaitForMessageCountAsync(ErrorQueue, errorsBefore + 1, TimeSpan.FromSeconds(30));
        var faulted = (await _broker.PeekMessagesAsync(ErrorQueue, (int)errorsBefore + 1)).Last();
        var reason = faulted.HeaderText("MT-Fault-Message") ?? faulted.HeaderText("MT-Reason") ?? "";
        Assert.False(string.IsNullOrWhiteSpace(reason), $"{name}: no reason header on the error-queue message");
        if (field.Length > 0)
        {
            Assert.Contains(field.TrimStart('-'), reason, StringComparison.OrdinalIgnoreCase);
        }

        // The consumer is still serving: a valid heartbeat sent next is stored, the bad one is not.
        var good = TestMessages.Heartbeat(heartbeat.DeviceId);
        await _broker.PublishAsync(Queue, Encoding.UTF8.GetBytes(Body(good, "", "")), contentType: "application/vnd.masstransit+json");
        await fixture.Host.EventuallyAsync(db => db.Heartbeats.AnyAsync(h => h.HeartbeatId == good.HeartbeatId));
        Assert.False(await fixture.Host.QueryAsync(db => db.Heartbeats.AnyAsync(h => h.HeartbeatId == heartbeat.HeartbeatId)), name);
    }

    /// <summary>A MassTransit envelope around the heartbeat, with one field replaced (or removed, "-field"), or a raw body.</summary>
    private static string Body(HeartbeatReported heartbeat, string field, string value)
    {
        if (field.Length == 0 && value.Length > 0)
        {
            return value;
        }

        var message = JsonSerializer.SerializeToNode(heartbeat, ContractJson.Options)!.AsObject();
        if (field.StartsWith('-'))
        {
            message.Remove(field[1..]);
        }
        else if (field.Length > 0)
        {
            message[field] = JsonNode.Parse(value);
        }

        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray("urn:message:Controller.Contracts:HeartbeatReported"),
            ["sentTime"] = DateTimeOffset.UtcNow.ToString("O"),
            ["message"] = message,
        };
        return envelope.ToJsonString();
    }

}
