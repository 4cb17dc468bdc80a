using System.Text.Json;

namespace Controller.Contracts.Tests;

/// <summary>The bundle fields of <see cref="PolicyActivated"/> are optional: messages without them stay valid under schema version 1.</summary>
public sealed class PolicyActivatedTests
{
    [Fact]
    public void Deserialize_MessageWithoutBundleFields_AcceptedWithNulls()
    {
        const string json = """
            {"schemaVersion":1,"policyName":"baseline-greedy","policyVersion":"1.2.0","algorithm":"baseline-greedy","activatedAt":"2026-12-03T08:00:00+00:00"}
            """;

        var message = JsonSerializer.Deserialize<PolicyActivated>(json, ContractJson.Options)!;

        Assert.Equal("baseline-greedy", message.PolicyName);
        Assert.Null(message.BundleUrlPath);
        Assert.Null(message.BundleSha256);
        Assert.Null(message.BundleSizeBytes);
    }

    [Fact]
    public void Serialize_WithBundle_CamelCaseBundleFields()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Messages.Activation(), ContractJson.Options));

        Assert.Equal("/v1/policies/rc-ppo-edge/seed-0/bundle", json.RootElement.GetProperty("bundleUrlPath").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("bundleSha256").GetString()!.Length);
        Assert.Equal(48_213, json.RootElement.GetProperty("bundleSizeBytes").GetInt64());
    }
}
