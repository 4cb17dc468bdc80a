using System.Text.Json;

namespace Controller.Contracts.Tests;

/// <summary>The JSON wire format every transport shares: camelCase fields, enums as names, unknown input refused by name.</summary>
public sealed class WireFormatTests
{
    public static TheoryData<object> EveryMessage() =>
        [Messages.Heartbeat(), Messages.Request(), Messages.Decision(), Messages.Outcome(), Messages.Activation()];

    [Theory]
    [MemberData(nameof(EveryMessage))]
    public void RoundTrip_EveryMessage_SameJsonAndSameFields(object message)
    {
        var type = message.GetType();
        var json = JsonSerializer.Serialize(message, type, ContractJson.Options);

        var back = JsonSerializer.Deserialize(json, type, ContractJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, type, ContractJson.Options));
        foreach (var property in type.GetProperties().Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
        {
            Assert.Equal(property.GetValue(message), property.GetValue(back));
        }
    }

    [Fact]
    public void Serialize_Decision_CamelCaseFieldsAndEnumNames()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Messages.Decision(), ContractJson.Options));

        Assert.Equal("speculative", json.RootElement.GetProperty("location").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("draftLength").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Theory]
    [InlineData(Location.Local, "local")]
    [InlineData(Location.Cloud, "cloud")]
    [InlineData(Location.Speculative, "speculative")]
    public void Serialize_Location_CamelCaseName(Location location, string name) =>
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(location, ContractJson.Options));

    [Theory]
    [InlineData(NetworkType.Wired, "wired")]
    [InlineData(NetworkType.WiFi, "wiFi")]
    [InlineData(NetworkType.FiveG, "fiveG")]
    [InlineData(NetworkType.Lte, "lte")]
    [InlineData(NetworkType.PoorCell, "poorCell")]
    [InlineData(NetworkType.Disconnected, "disconnected")]
    public void Serialize_NetworkType_CamelCaseName(NetworkType network, string name) =>
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(network, ContractJson.Options));

    [Theory]
    [InlineData(ModalityKind.Image, "image")]
    [InlineData(ModalityKind.Audio, "audio")]
    [InlineData(ModalityKind.Video, "video")]
    [InlineData(ModalityKind.Sensor, "sensor")]
    public void Serialize_ModalityKind_CamelCaseName(ModalityKind kind, string name) =>
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(kind, ContractJson.Options));

    [Theory]
    [InlineData("\"teleport\"")]
    [InlineData("2")]
    public void Deserialize_LocationUnknownNameOrNumber_RefusedNamingTheField(string value)
    {
        var json = JsonSerializer.Serialize(Messages.Decision(), ContractJson.Options).Replace("\"speculative\"", value, StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlacementDecided>(json, ContractJson.Options));

        Assert.Contains("location", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RequiredFieldMissing_RefusedNamingIt()
    {
        var json = JsonSerializer.Serialize(Messages.Outcome(), ContractJson.Options).Replace("\"deviceId\":\"phone-7\",", "", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OutcomeReported>(json, ContractJson.Options));

        Assert.Contains("deviceId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NumberAsString_Refused()
    {
        var json = JsonSerializer.Serialize(Messages.Heartbeat(), ContractJson.Options).Replace("\"rttMs\":28.75", "\"rttMs\":\"28.75\"", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HeartbeatReported>(json, ContractJson.Options));
    }

    [Fact]
    public void AddTo_HostOptions_ContractsReadWithContractRulesOnce()
    {
        var options = ContractJson.AddTo(ContractJson.AddTo(new JsonSerializerOptions()));

        Assert.Single(options.Converters, c => c is ContractJsonConverterFactory);
        var json = JsonSerializer.Serialize(Messages.Decision(), options);
        Assert.Contains("\"location\":\"speculative\"", json, StringComparison.Ordinal);
        Assert.Equal(Messages.Decision().DecisionId, JsonSerializer.Deserialize<PlacementDecided>(json, options)!.DecisionId);
    }
}
