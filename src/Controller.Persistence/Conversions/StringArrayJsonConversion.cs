using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controller.Persistence.Conversions;

/// <summary>
/// Stores a <c>string[]</c> as JSON array text. Portable across SQLite and PostgreSQL, and the
/// lists (modality ids of one request) are only ever read whole, never queried element-wise.
/// </summary>
public static class StringArrayJsonConversion
{
    /// <summary>Configures <paramref name="property"/> to be stored as a JSON array of strings.</summary>
    public static PropertyBuilder<string[]> HasJsonArrayConversion(this PropertyBuilder<string[]> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            value => Serialize(value),
            json => Deserialize(json),
            new ValueComparer<string[]>(
                (left, right) => left == right || (left != null && right != null && left.SequenceEqual(right)),
                value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
                value => value.ToArray()));
        return property;
    }

    /// <summary>The JSON text stored for <paramref name="value"/>.</summary>
    public static string Serialize(string[] value) => JsonSerializer.Serialize(value);

    /// <summary>Reads stored JSON text back; a corrupt value names itself in the exception.</summary>
    public static string[] Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Stored modality id list '{json}' is not a JSON array of strings.", exception);
        }
    }
}
