using System.Text.Json;
using Controller.Contracts;
using Controller.Service.Validation;
using Microsoft.AspNetCore.Http;

namespace Controller.Service.Http;

/// <summary>
/// Reads a request body as a contract with the strict wire format, turning every JSON problem into
/// an <see cref="InvalidMessageException"/> that names the field, so the client gets a 400 it can act on. A body over
/// <see cref="MaxBytes"/> is refused with <see cref="PayloadTooLargeException"/> (413), whether it announces its length or
/// arrives chunked: the read stops at the limit (<see cref="LimitedReadStream"/>) instead of taking whatever the client sends.
/// </summary>
internal static class ContractBody
{
    /// <summary>Bodies larger than this are refused before parsing. 1 MiB is far above any real message.</summary>
    public const int MaxBytes = 1 << 20;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var name = typeof(T).Name;
        if (request.ContentLength > MaxBytes)
        {
            throw new PayloadTooLargeException(name, $"body of {request.ContentLength} bytes exceeds the {MaxBytes}-byte limit");
        }

        await using var body = new LimitedReadStream(request.Body, MaxBytes, name);
        try
        {
            var message = await JsonSerializer.DeserializeAsync<T>(body, ContractJson.Options, cancellationToken);
            return message ?? throw new InvalidMessageException(name, [new ValidationError("$", "body must be a JSON object, not null")]);
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException(name, ErrorsOf(ex));
        }
    }

    private static List<ValidationError> ErrorsOf(JsonException ex)
    {
        var description = Describe(ex);
        var missing = MissingMembers(ex.Message);
        return missing.Count > 0
            ? [.. missing.Select(field => new ValidationError(field, $"is required. {description}"))]
            : [new ValidationError(FieldOf(ex), description)];
    }

    /// <summary>The serializer lists absent <c>required</c> members as <c>including: 'a', 'b'.</c>; each becomes its own field error.</summary>
    private static List<string> MissingMembers(string message)
    {
        const string marker = "missing required properties including:";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var list = message[(start + marker.Length)..];
        var end = list.IndexOf('.', StringComparison.Ordinal);
        return [.. (end >= 0 ? list[..end] : list)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Trim('\''))
            .Where(n => n.Length > 0)];
    }

    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            // A missing required member is reported against the object; its names are in the message.
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }

    private static string Describe(JsonException ex)
    {
        // The serializer's message names the CLR type and member; keep it, minus the internal stack hints.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
