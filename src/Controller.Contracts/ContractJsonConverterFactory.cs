using System.Text.Json;
using System.Text.Json.Serialization;

namespace Controller.Contracts;

/// <summary>
/// Makes another serializer (MassTransit's, over AMQP) read and write the contract records exactly as
/// <see cref="ContractJson.Options"/> does, and turns a failure into an error that names the message
/// type and the field, so a message faulted to an error queue says what was wrong with it.
/// </summary>
public sealed class ContractJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsClass && typeToConvert.Namespace == typeof(ContractJson).Namespace
        && typeToConvert.Assembly == typeof(ContractJson).Assembly && typeToConvert != typeof(ModalityOffer);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ContractConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class ContractConverter<T> : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Parsed to an element first so the contract is read by a top-level call, which is what
            // makes the serializer report the path of a bad value (a nested read reports no path).
            var element = JsonElement.ParseValue(ref reader);
            try
            {
                return element.Deserialize<T>(ContractJson.Options);
            }
            catch (JsonException ex)
            {
                // No inner exception on purpose: brokers' fault headers report the innermost message,
                // which for a bad number is the reader's and names no field.
                throw new JsonException(Describe(ex), ex.Path, ex.LineNumber, ex.BytePositionInLine);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, ContractJson.Options);

        private static string Describe(JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
            return field is null ? $"Invalid {typeof(T).Name}: {message}" : $"Invalid {typeof(T).Name}: {field}: {message}";
        }
    }
}
