using System.Text.Json;
using System.Text.Json.Serialization;

namespace Controller.Contracts;

/// <summary>
/// The JSON wire format of the contracts, shared by the HTTP API and the agents: camelCase names,
/// enums as names (an unknown name or a bare number is an error, not a silent default), and
/// <c>required</c> members enforced so a missing field is named in the error.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Adds the contract wire format to another serializer's options (MassTransit's, so AMQP carries
    /// the same JSON as HTTP). Returns <paramref name="options"/> for chaining.
    /// </summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.Any(c => c is ContractJsonConverterFactory))
        {
            options.Converters.Insert(0, new ContractJsonConverterFactory());
        }

        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
