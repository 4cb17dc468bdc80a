using System.Reflection;
using Controller.EdgeAgent.Daemon;
using Microsoft.Extensions.Configuration;

namespace Controller.EdgeAgent.Tests.Daemon;

/// <summary>edge-agent.json ships every key at its default: the file and the options class must agree.</summary>
public sealed class EdgeAgentSettingsFileTests
{
    private static readonly string SettingsFile = Path.Combine(AppContext.BaseDirectory, "edge-agent.json");

    [Fact]
    public void SettingsFile_BoundToOptions_EqualsTheClassDefaults()
    {
        var bound = new EdgeAgentOptions();
        new ConfigurationBuilder().AddJsonFile(SettingsFile, optional: false).Build().GetSection("EdgeAgent").Bind(bound);

        var defaults = new EdgeAgentOptions();
        foreach (var property in typeof(EdgeAgentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(Equals(property.GetValue(defaults), property.GetValue(bound)), $"EdgeAgent:{property.Name}: class {property.GetValue(defaults)}, file {property.GetValue(bound)}");
        }
    }

    [Fact]
    public void SettingsFile_EveryKey_IsAnOptionsProperty()
    {
        var keys = new ConfigurationBuilder().AddJsonFile(SettingsFile, optional: false).Build().GetSection("EdgeAgent").GetChildren().Select(c => c.Key).ToHashSet();
        var properties = typeof(EdgeAgentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();

        Assert.Equal(properties.Order(), keys.Order());
    }
}
