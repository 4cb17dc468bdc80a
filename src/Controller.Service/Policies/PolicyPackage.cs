using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Controller.Service.Policies;

/// <summary>
/// The download document of <c>GET /v1/policies/{name}/{version}/bundle</c>: one JSON object
/// <c>{"formatVersion":1,"name":…,"version":…,"manifestJson":"…","weightsFile":…,"weightsBase64":"…"}</c> with the
/// manifest text exactly as registered and the safetensors weights in base64. Chosen over a zip because it needs no
/// archive library on an agent and its bytes are a pure function of the bundle (no timestamps), so the SHA-256 and size
/// announced in <c>PolicyActivated</c> are those of every download. An agent checks that SHA-256, then the weights
/// against the manifest's <c>weightsSha256</c>.
/// </summary>
public static class PolicyPackage
{
    /// <summary>Layout version of the download document.</summary>
    public const int FormatVersion = 1;

    public const string ContentType = "application/json";

    /// <summary>The document's bytes (UTF-8 JSON, properties in the order above, no whitespace).</summary>
    public static byte[] Build(string name, string version, string manifestJson, string weightsFile, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("name", name);
            writer.WriteString("version", version);
            writer.WriteString("manifestJson", manifestJson);
            writer.WriteString("weightsFile", weightsFile);
            writer.WriteBase64String("weightsBase64", weights);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The URL path an agent fetches the bundle from, with name and version escaped.</summary>
    public static string UrlPath(string name, string version) =>
        $"/v1/policies/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(version)}/bundle";

    /// <summary>Reads a document written by <see cref="Build"/> back into manifest text and weights (agents and tests).</summary>
    /// <exception cref="JsonException">Not such a document; the message names what is missing.</exception>
    public static (string ManifestJson, byte[] Weights) Read(byte[] document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        if (!root.TryGetProperty("formatVersion", out var format) || format.GetInt32() != FormatVersion
            || !root.TryGetProperty("manifestJson", out var manifest) || !root.TryGetProperty("weightsBase64", out var weights))
        {
            throw new JsonException($"Not a policy package of format version {FormatVersion}: formatVersion, manifestJson and weightsBase64 are required.");
        }

        return (manifest.GetString() ?? "", weights.GetBytesFromBase64());
    }

    internal static string Utf8(byte[] bytes) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
}
