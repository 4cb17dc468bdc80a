using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Controller.Training.EdgeCloud.Datasets;

/// <summary>
/// Generator configs as JSON (camelCase, network as its name, indented, <c>\n</c> line ends). Reading is
/// strict — unknown or missing properties are errors — and every error is a <see cref="TraceFormatException"/>
/// naming the file, the line and the property, so a typo cannot silently fall back to a default.
/// </summary>
public static class ChannelTraceConfigJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON text of <paramref name="config"/>, ending in a newline.</summary>
    public static string ToJson(ChannelTraceGeneratorConfig config) => JsonSerializer.Serialize(config, Options) + "\n";

    public static void Write(string path, ChannelTraceGeneratorConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToJson(config), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <exception cref="TraceFormatException">Missing file, bad JSON, or a value the generator cannot use.</exception>
    public static ChannelTraceGeneratorConfig Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new TraceFormatException(path, 0, "(file)", "file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    public static ChannelTraceGeneratorConfig Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ChannelTraceGeneratorConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ChannelTraceGeneratorConfig>(json, Options);
        }
        catch (JsonException ex)
        {
            // JsonException's LineNumber is 0-based; its Path is the JSON path of the offending property.
            int line = (int)(ex.LineNumber ?? 0) + 1;
            throw new TraceFormatException(source, line, ex.Path ?? "(document)", ex.Message, ex);
        }

        if (config is null)
        {
            throw new TraceFormatException(source, 1, "(document)", "the file holds null, not a config object");
        }

        try
        {
            config.Validate();
        }
        catch (ArgumentException ex)
        {
            string field = ex.ParamName ?? "(config)";
            throw new TraceFormatException(source, LineOf(json, field), field, ex.Message, ex);
        }

        return config;
    }

    /// <summary>
    /// Line of a validated field, e.g. <c>Uplink.MinMbps</c>: each segment's camelCase key is searched for
    /// after the previous one, which finds the right <c>minMbps</c> among the uplink's and downlink's.
    /// </summary>
    private static int LineOf(string json, string fieldPath)
    {
        int position = 0;
        foreach (string segment in fieldPath.Split('.'))
        {
            string key = $"\"{JsonNamingPolicy.CamelCase.ConvertName(segment)}\"";
            int found = json.IndexOf(key, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            position = found;
        }

        return 1 + json.AsSpan(0, position).Count('\n');
    }
}
