using System.Reflection;
using System.Text.RegularExpressions;
using Controller.Persistence;
using Controller.Service.Options;
using Controller.Testing;

namespace Controller.IntegrationTests.Infrastructure;

/// <summary>
/// docker-compose.yml configures the service through environment variables; no Docker engine runs
/// in CI, so these tests keep its setting names and values in step with the options classes they bind to.
/// </summary>
public sealed partial class DockerComposeSettingsTests
{
    private static readonly Dictionary<string, Type> s_sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [BusOptions.SectionName] = typeof(BusOptions),
        [StoreOptions.SectionName] = typeof(StoreOptions),
    };

    [Fact]
    public void ComposeFile_ServiceSettings_NameExistingOptions()
    {
        var settings = ReadServiceSettings();

        Assert.Contains(settings, s => s.Key == "Bus__RabbitMq__Host");
        Assert.Contains(settings, s => s.Key == "Store__ConnectionString");
        Assert.All(settings, setting => Assert.True(
            ResolveProperty(setting.Key) is not null,
            $"docker-compose.yml sets '{setting.Key}', which binds to no option property."));
    }

    [Fact]
    public void ComposeFile_EnumSettings_HoldDefinedValues()
    {
        foreach (var (key, value) in ReadServiceSettings())
        {
            var property = ResolveProperty(key)!;
            if (property.PropertyType.IsEnum)
            {
                Assert.True(Enum.TryParse(property.PropertyType, value, ignoreCase: true, out _),
                    $"docker-compose.yml sets {key}={value}; expected one of {string.Join(", ", Enum.GetNames(property.PropertyType))}.");
            }
        }
    }

    [Fact]
    public void ComposeFile_ServiceTransportAndStore_AreTheServerBackedOnes()
    {
        var settings = ReadServiceSettings().ToLookup(s => s.Key, s => s.Value);

        Assert.Equal([nameof(BusTransport.RabbitMq)], settings["Bus__Transport"].Distinct());
        Assert.Equal([nameof(StoreProvider.Postgres)], settings["Store__Provider"].Distinct());
    }

    // Section__Property[__Property…]: the ASP.NET environment-variable form of Section:Property.
    private static PropertyInfo? ResolveProperty(string key)
    {
        var segments = key.Split("__");
        if (!s_sections.TryGetValue(segments[0], out var type))
        {
            return null;
        }

        PropertyInfo? property = null;
        foreach (var segment in segments.Skip(1))
        {
            property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return property;
    }

    private static List<KeyValuePair<string, string>> ReadServiceSettings()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docker-compose.yml");
        var settings = new List<KeyValuePair<string, string>>();
        foreach (var line in File.ReadLines(path))
        {
            var match = SettingLine().Match(line);
            if (match.Success && s_sections.ContainsKey(match.Groups["section"].Value))
            {
                settings.Add(new(match.Groups["key"].Value, match.Groups["value"].Value.Trim().Trim('"')));
            }
        }

        Assert.True(settings.Count > 0, $"{path} sets no Bus__ or Store__ variables.");
        return settings;
    }

    [GeneratedRegex(@"^\s+(?<key>(?<section>[A-Za-z]+)__[A-Za-z_]+):\s*(?<value>.*)$")]
    private static partial Regex SettingLine();
}
