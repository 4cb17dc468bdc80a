namespace Controller.Contracts.Tests;

public sealed class SchemaVersionTests
{
    [Fact]
    public void Current_IsVersionOne() => Assert.Equal(1, SchemaVersions.Current);

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(-1, false)]
    public void IsSupported_OnlyTheCurrentVersion(int version, bool supported) =>
        Assert.Equal(supported, SchemaVersions.IsSupported(version));
}
