using System.Reflection;
using System.Text.RegularExpressions;
using Controller.Persistence;
using Controller.Service;
using Controller.Service.Logging;
using Controller.Service.Options;
using Controller.Testing;
using Microsoft.Extensions.Configuration;

namespace Controller.Service.Tests.Configuration;

/// <summary>
/// The shipped appsettings.json states every setting at its default. These tests keep it from drifting: every key
/// binds to an options property and holds the default that property declares, every property is in the file, and
/// the README's configuration table names every key.
/// </summary>
public sealed partial class AppSettingsFileTests
{
    // Every top-level options class (one with a SectionName) of the service and the store, found by reflection so a
    // new options class cannot be left out of the file.
    private static readonly Dictionary<string, Type> s_sections = new[] { typeof(BusOptions).Assembly, typeof(StoreOptions).Assembly }
        .SelectMany(assembly => assembly.GetExportedTypes())
        .Select(type => (type, field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(t => t.field is { IsLiteral: true } && t.field.FieldType == typeof(string))
        .ToDictionary(t => (string)t.field!.GetRawConstantValue()!, t => t.type, StringComparer.Ordinal);

    private const string LogLevelSection = "Logging:LogLevel";

    [Fact]
    public void AppSettingsFile_NextToTheExecutable_Exists()
    {
        Assert.True(File.Exists(ControllerHost.SettingsFile), $"{ControllerHost.SettingsFile} is not copied next to the host's executable.");
    }

    [Fact]
    public void AppSettingsFile_EverySection_BindsToItsOptionsAtTheirDefaults()
    {
        var file = ReadFile();
        foreach (var (section, type) in s_sections)
        {
            // Throws naming the key when the file holds one that no property of the options class takes.
            var bound = file.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
            Assert.True(bound is not null, $"appsettings.json has no {section} section.");
            AssertSameValues(section, Activator.CreateInstance(type)!, bound!);
        }
    }

    [Fact]
    public void AppSettingsFile_EveryOptionsProperty_IsInTheFile()
    {
        var keys = LeafKeys(ReadFile()).Keys.ToHashSet(StringComparer.Ordinal);
        var missing = s_sections.SelectMany(s => PropertyPaths(s.Key, s.Value)).Where(path => !keys.Contains(path)).ToList();

        Assert.True(missing.Count == 0, $"appsettings.json lacks {string.Join(", ", missing)}.");
    }

    [Fact]
    public void AppSettingsFile_SectionsAndLogLevels_AreTheOnesTheServiceKnows()
    {
        var leaves = LeafKeys(ReadFile());
        var unknown = leaves.Keys.Where(k => !k.StartsWith(LogLevelSection + ":", StringComparison.Ordinal) && !s_sections.ContainsKey(k.Split(':')[0])).ToList();
        var levels = leaves.Where(k => k.Key.StartsWith(LogLevelSection + ":", StringComparison.Ordinal))
            .ToDictionary(k => k.Key[(LogLevelSection.Length + 1)..], k => k.Value ?? string.Empty);

        Assert.True(unknown.Count == 0, $"appsettings.json sets {string.Join(", ", unknown)}, which the service does not read from it.");
        Assert.Equal(LogLevelDefaults.Levels.OrderBy(l => l.Key), levels.OrderBy(l => l.Key));
    }

    [Fact]
    public void ReadmeConfigurationTable_EveryKeyOfTheFile_IsDocumented()
    {
        var documented = ReadmeConfigurationKeys();
        var file = LeafKeys(ReadFile()).Keys.ToList();

        var undocumented = file.Where(k => !documented.Contains(k)).ToList();
        // `urls` stays out of the file on purpose: a value there would override ASPNETCORE_URLS.
        var notInFile = documented.Where(k => k != "urls" && !file.Contains(k)).ToList();

        Assert.True(undocumented.Count == 0, $"README.md's configuration table lacks {string.Join(", ", undocumented)}.");
        Assert.True(notInFile.Count == 0, $"README.md documents {string.Join(", ", notInFile)}, which appsettings.json does not hold.");
    }

    private static IConfigurationRoot ReadFile() =>
        new ConfigurationBuilder().AddJsonFile(ControllerHost.SettingsFile, optional: false, reloadOnChange: false).Build();

    /// <summary>Every key with a value (or an explicit null), as Section:Key[:Key…].</summary>
    private static Dictionary<string, string?> LeafKeys(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(pair => !configuration.GetSection(pair.Key).GetChildren().Any())
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static IEnumerable<string> PropertyPaths(string prefix, Type type)
    {
        foreach (var property in SettableProperties(type))
        {
            var path = $"{prefix}:{property.Name}";
            if (IsNested(property.PropertyType))
            {
                foreach (var nested in PropertyPaths(path, property.PropertyType))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static void AssertSameValues(string path, object expected, object actual)
    {
        foreach (var property in SettableProperties(expected.GetType()))
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (IsNested(property.PropertyType))
            {
                AssertSameValues($"{path}:{property.Name}", want!, got!);
            }
            else
            {
                Assert.True(Equals(want, got), $"appsettings.json sets {path}:{property.Name} to '{got}' but its default is '{want}'.");
            }
        }
    }

    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite);

    private static bool IsNested(Type type) => type.IsClass && type != typeof(string);

    private static HashSet<string> ReadmeConfigurationKeys()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### Configuration");
        Assert.True(start >= 0, "README.md has no '### Configuration' section.");
        var keys = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#'))
            .Select(l => TableKey().Match(l)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 0, "README.md's configuration table lists no keys.");
        return keys;
    }

    // A table row whose first cell is one key in backticks: | `Bus:Transport` | …
    [GeneratedRegex(@"^\|\s*`(?<key>[^`]+)`\s*\|")]
    private static partial Regex TableKey();
}
