using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Controller.Contracts;
using Controller.Persistence;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Tests.Http;

public sealed class HttpApiTests : IAsyncLifetime
{
    private ControllerTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ControllerTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Heartbeat_Valid_StoredOnce()
    {
        var heartbeat = TestMessages.Heartbeat();
        var first = await PostAsync("v1/heartbeats", heartbeat);
        var second = await PostAsync("v1/heartbeats", heartbeat);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Contains("\"duplicate\":true", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _host.QueryAsync(db => db.Heartbeats.CountAsync()));
    }

    [Fact]
    public async Task Heartbeat_MalformedJson_Returns400AndWritesNothing()
    {
        using var response = await PostRawAsync("v1/heartbeats", "{\"schemaVersion\": 1, \"deviceId\": ");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField: null);
        Assert.Equal(0, await _host.QueryAsync(db => db.Heartbeats.CountAsync()));
    }

    [Theory]
    [InlineData("deviceId")]
    [InlineData("batteryPercent")]
    [InlineData("network")]
    public async Task Heartbeat_MissingField_Returns400NamingField(string field)
    {
        var json = Serialize(TestMessages.Heartbeat());
        json.Remove(field);
        using var response = await PostRawAsync("v1/heartbeats", json.ToJsonString());
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await _host.QueryAsync(db => db.Heartbeats.CountAsync()));
    }

    [Theory]
    [InlineData("batteryPercent", "\"NaN\"")]
    [InlineData("batteryPercent", "-4")]
    [InlineData("rttMs", "1e300")]
    [InlineData("network", "\"carrierPigeon\"")]
    [InlineData("network", "3")]
    [InlineData("schemaVersion", "2")]
    [InlineData("heartbeatId", "\"not-a-guid\"")]
    [InlineData("deviceId", "null")]
    public async Task Heartbeat_BadValue_Returns400NamingField(string field, string rawValue)
    {
        var json = Serialize(TestMessages.Heartbeat());
        json[field] = JsonNode.Parse(rawValue);
        using var response = await PostRawAsync("v1/heartbeats", json.ToJsonString());
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await _host.QueryAsync(db => db.Heartbeats.CountAsync()));
    }

    [Fact]
    public async Task Placement_Valid_ReturnsLoggedDecisionWithPropensity()
    {
        await PostAsync("v1/heartbeats", TestMessages.Heartbeat());
        var request = TestMessages.Request();
        using var response = await PostAsync("v1/placements", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options);
        Assert.NotNull(decision);
        Assert.Equal(request.RequestId, decision.RequestId);
        Assert.InRange(decision.Propensity, double.Epsilon, 1.0);
        Assert.True(decision.ExpiresAt > decision.DecidedAt);
        Assert.All(decision.UploadModalityIds, id => Assert.Contains(request.Modalities, m => m.Id == id));

        var stored = await _host.QueryAsync(db => db.Decisions.SingleAsync(d => d.DecisionId == decision.DecisionId));
        Assert.Equal(decision.Propensity, stored.Propensity);
        Assert.Equal(decision.PolicyVersion, stored.PolicyVersion);
        Assert.Equal(request.DialogueId, stored.DialogueId);
    }

    [Fact]
    public async Task Placement_SameRequestTwice_SameDecision()
    {
        var request = TestMessages.Request();
        var first = await DecideAsync(request);
        var second = await DecideAsync(request);

        Assert.Equal(first.DecisionId, second.DecisionId);
        Assert.Equal(1, await _host.QueryAsync(db => db.Decisions.CountAsync()));
    }

    [Theory]
    [InlineData("expectedOutputTokens", "0")]
    [InlineData("latencySloMs", "\"Infinity\"")]
    [InlineData("modalities", "null")]
    [InlineData("modalities", "[{\"id\":\"a\",\"kind\":\"hologram\",\"sizeBytes\":1}]")]
    [InlineData("requestId", "\"00000000-0000-0000-0000-000000000000\"")]
    public async Task Placement_BadValue_Returns400NamingFieldAndWritesNothing(string field, string rawValue)
    {
        var json = Serialize(TestMessages.Request());
        json[field] = JsonNode.Parse(rawValue);
        using var response = await PostRawAsync("v1/placements", json.ToJsonString());
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await _host.QueryAsync(db => db.Decisions.CountAsync()));
    }

    [Fact]
    public async Task Outcome_ForDecision_StoredJoinedOnce()
    {
        var decision = await DecideAsync(TestMessages.Request());
        var outcome = TestMessages.Outcome(decision);
        using var first = await PostAsync("v1/outcomes", outcome);
        using var second = await PostAsync("v1/outcomes", outcome);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var joined = await _host.QueryAsync(db => db.Outcomes.Join(db.Decisions, o => o.DecisionId, d => d.DecisionId, (o, d) => d.RequestId).ToListAsync());
        Assert.Equal([decision.RequestId], joined);
    }

    [Fact]
    public async Task Outcome_FromAnotherDevice_Returns400NamingDeviceIdAndWritesNothing()
    {
        var decision = await DecideAsync(TestMessages.Request("device-1"));
        using var response = await PostAsync("v1/outcomes", TestMessages.Outcome(decision, deviceId: "device-2"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "deviceId");
        Assert.Equal(0, await _host.QueryAsync(db => db.Outcomes.CountAsync()));
    }

    [Fact]
    public async Task Outcome_ContradictingItsLocation_Returns400NamingTheFieldAndWritesNothing()
    {
        var decision = await DecideAsync(TestMessages.Request());
        var outcome = TestMessages.Outcome(decision) with { ExecutedLocation = Location.Local, ExecutedModalityIds = [], ExecutedDraftLength = 0, DraftTokensProposed = 0, DraftTokensAccepted = 0, CloudCostUsd = 0.01 };

        using var response = await PostAsync("v1/outcomes", outcome);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "cloudCostUsd");
        Assert.Equal(0, await _host.QueryAsync(db => db.Outcomes.CountAsync()));
    }

    [Fact]
    public async Task Outcome_UnknownDecision_Returns404NamingDecisionId()
    {
        var outcome = TestMessages.Outcome(Validation.ValidatorTests.SampleDecision());
        using var response = await PostAsync("v1/outcomes", outcome);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "decisionId");
        Assert.Equal(0, await _host.QueryAsync(db => db.Outcomes.CountAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Heartbeat_BodyOverOneMebibyte_Returns413AndWritesNothing(bool announceLength)
    {
        // A string field padded past the limit: valid JSON, only too big. Without a length the client sends it chunked.
        var json = Encoding.UTF8.GetBytes("{\"schemaVersion\": 1, \"deviceId\": \"" + new string('a', (1 << 20) + 10) + "\"}");
        HttpContent content = announceLength ? new ByteArrayContent(json) : new StreamContent(new UnseekableStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _host.Http.PostAsync("v1/heartbeats", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("1048576-byte limit", problem, StringComparison.Ordinal);
        Assert.Equal(!announceLength, problem.Contains("without a Content-Length", StringComparison.Ordinal));
        Assert.Equal(0, await _host.QueryAsync(db => db.Heartbeats.CountAsync()));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("v1/heartbeats", TestMessages.Heartbeat())).StatusCode);
    }

    [Fact]
    public async Task Api_AfterBadInput_KeepsServing()
    {
        using (var notJson = await PostRawAsync("v1/placements", "not json at all"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        }

        using (var array = await PostRawAsync("v1/outcomes", "[]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        }

        var decision = await DecideAsync(TestMessages.Request());
        Assert.NotEqual(Guid.Empty, decision.DecisionId);
    }

    [Fact]
    public async Task Health_StoreAndBusUp_Healthy()
    {
        using var response = await _host.Http.GetAsync("health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().ToList();
        Assert.Contains(checks, c => c.Name == "database" && c.Value.GetProperty("status").GetString() == "Healthy");
        Assert.Contains(checks, c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetProperty("status").GetString() == "Healthy");
    }

    private async Task<PlacementDecided> DecideAsync(RequestPlacement request)
    {
        using var response = await PostAsync("v1/placements", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PlacementDecided>(ContractJson.Options))!;
    }

    private Task<HttpResponseMessage> PostAsync<T>(string path, T body) =>
        _host.Http.PostAsJsonAsync(path, body, ContractJson.Options);

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _host.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static JsonObject Serialize<T>(T message) =>
        JsonSerializer.SerializeToNode(message, ContractJson.Options)!.AsObject();


    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? expectedField)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors), body);
        if (expectedField is not null)
        {
            var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(fields.Any(f => f == expectedField || f.StartsWith(expectedField + "[", StringComparison.Ordinal) || f.StartsWith(expectedField + ".", StringComparison.Ordinal)),
                $"no error for '{expectedField}' in {body}");
        }
    }

    /// <summary>A stream without a length, so HttpClient must send it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
