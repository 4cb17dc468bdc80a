using Controller.Testing;

namespace Controller.IntegrationTests.Infrastructure;

public sealed class PostgresTestSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_Unset_ReturnsLoopbackDefault(string? value)
    {
        Assert.Equal(PostgresTestSettings.DefaultConnectionString, PostgresTestSettings.Resolve(value));
    }

    [Fact]
    public void Resolve_ValidString_KeepsServerAndDatabase()
    {
        var resolved = PostgresTestSettings.Resolve("Host=db.test;Port=6543;Username=u;Password=p;Database=admin");

        Assert.Contains("Host=db.test", resolved, StringComparison.Ordinal);
        Assert.Contains("Port=6543", resolved, StringComparison.Ordinal);
        Assert.Contains("Database=admin", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownKeyword_ThrowsNamingVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresTestSettings.Resolve("Hots=127.0.0.1"));

        Assert.Contains(PostgresTestSettings.VariableName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoDatabase_ThrowsNamingFieldWithoutPassword()
    {
        var error = Assert.Throws<ArgumentException>(
            () => PostgresTestSettings.Resolve("Host=127.0.0.1;Username=u;Password=hunter2"));

        Assert.Contains("Database", error.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresTestSettings.VariableName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UniqueName_LongLabel_FitsPostgresIdentifierLimit()
    {
        var name = PostgresTestDatabase.UniqueName(new string('a', 200));

        Assert.StartsWith(PostgresTestDatabase.NamePrefix, name, StringComparison.Ordinal);
        Assert.True(name.Length <= 63, $"'{name}' is {name.Length} characters long");
    }

    [Fact]
    public void UniqueName_SameLabelTwice_Differs()
    {
        Assert.NotEqual(PostgresTestDatabase.UniqueName("same"), PostgresTestDatabase.UniqueName("same"));
    }

    [Fact]
    public void UniqueName_QuoteInLabel_ThrowsNamingCharacter()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresTestDatabase.UniqueName("bad\"name"));

        Assert.Contains("'\"'", error.Message, StringComparison.Ordinal);
    }
}
