using Controller.Testing;

namespace Controller.IntegrationTests.Infrastructure;

public sealed class RabbitMqEndpointTests
{
    [Fact]
    public void Resolve_Unset_ReturnsLoopbackGuest()
    {
        var endpoint = RabbitMqTestSettings.Resolve(null);

        Assert.Equal(new RabbitMqEndpoint("127.0.0.1", 5672, "/", "guest", "guest", UseTls: false), endpoint);
    }

    [Fact]
    public void Parse_FullUri_SplitsEveryPart()
    {
        var endpoint = RabbitMqEndpoint.Parse("amqp://controller:p%40ss@broker.test:5673/fleet", "TEST");

        Assert.Equal(new RabbitMqEndpoint("broker.test", 5673, "fleet", "controller", "p@ss", UseTls: false), endpoint);
    }

    [Theory]
    [InlineData("amqp://u:p@h", "/")]
    [InlineData("amqp://u:p@h/", "/")]
    [InlineData("amqp://u:p@h/%2F", "/")]
    [InlineData("amqp://u:p@h/%2Fprod", "/prod")]
    public void Parse_VirtualHostPath_Decodes(string uri, string expected)
    {
        Assert.Equal(expected, RabbitMqEndpoint.Parse(uri, "TEST").VirtualHost);
    }

    [Fact]
    public void Parse_AmqpsWithoutPort_UsesTlsPort()
    {
        var endpoint = RabbitMqEndpoint.Parse("amqps://u:p@h/", "TEST");

        Assert.True(endpoint.UseTls);
        Assert.Equal(5671, endpoint.Port);
    }

    [Fact]
    public void Uri_RoundTrip_ReturnsSameEndpoint()
    {
        var endpoint = new RabbitMqEndpoint("h", 5673, "/prod", "us er", "p@ss:word", UseTls: false);

        Assert.Equal(endpoint, RabbitMqEndpoint.Parse(endpoint.Uri.AbsoluteUri, "TEST"));
    }

    [Fact]
    public void ToString_Always_HidesPassword()
    {
        var text = RabbitMqEndpoint.Parse("amqp://u:hunter2@h/", "TEST").ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("u@h:5672", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HttpScheme_ThrowsNamingSourceAndScheme()
    {
        var error = Assert.Throws<FormatException>(
            () => RabbitMqEndpoint.Parse("http://h:15672/", RabbitMqTestSettings.VariableName));

        Assert.Contains(RabbitMqTestSettings.VariableName, error.Message, StringComparison.Ordinal);
        Assert.Contains("'http'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAUri_ThrowsWithoutPassword()
    {
        var error = Assert.Throws<FormatException>(
            () => RabbitMqEndpoint.Parse("guest:hunter2@localhost", RabbitMqTestSettings.VariableName));

        Assert.Contains(RabbitMqTestSettings.VariableName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedPath_ThrowsExplainingEscape()
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqEndpoint.Parse("amqp://h/a/b", "TEST"));

        Assert.Contains("%2F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceConfiguration_Endpoint_UsesServiceKeys()
    {
        var settings = RabbitMqTestSettings.ServiceConfiguration(
            new RabbitMqEndpoint("h", 5673, "v", "u", "p", UseTls: false));

        Assert.Equal("RabbitMq", settings["Bus:Transport"]);
        Assert.Equal("h", settings["Bus:RabbitMq:Host"]);
        Assert.Equal("5673", settings["Bus:RabbitMq:Port"]);
        Assert.Equal("v", settings["Bus:RabbitMq:VirtualHost"]);
        Assert.Equal("u", settings["Bus:RabbitMq:Username"]);
        Assert.Equal("p", settings["Bus:RabbitMq:Password"]);
    }

    [Fact]
    public void Unique_SameLabelTwice_DiffersAndKeepsLabel()
    {
        var first = RabbitMqTestNames.Unique("faults");
        var second = RabbitMqTestNames.Unique("faults");

        Assert.NotEqual(first, second);
        Assert.StartsWith(RabbitMqTestNames.NamePrefix + "faults.", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Unique_SpaceInLabel_ThrowsNamingCharacter()
    {
        var error = Assert.Throws<ArgumentException>(() => RabbitMqTestNames.Unique("two words"));

        Assert.Contains("' '", error.Message, StringComparison.Ordinal);
    }
}
