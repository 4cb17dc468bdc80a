using System.Globalization;

namespace Controller.Service.Validation;

/// <summary>Accumulates field errors with the checks every contract needs (finite, in range, present).</summary>
internal sealed class ValidationCollector
{
    private List<ValidationError>? _errors;

    public IReadOnlyList<ValidationError> Errors => _errors ?? (IReadOnlyList<ValidationError>)[];

    public bool IsValid => _errors is null;

    public void Add(string field, string message) => (_errors ??= []).Add(new ValidationError(field, message));

    public void SchemaVersion(int version)
    {
        if (!Contracts.SchemaVersions.IsSupported(version))
        {
            Add("schemaVersion", $"unsupported schema version {version}; this controller understands {Contracts.SchemaVersions.Current}");
        }
    }

    public void NotEmpty(string field, Guid value)
    {
        if (value == Guid.Empty)
        {
            Add(field, "must be a non-empty id");
        }
    }

    public void Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required and must not be blank");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "must not contain control characters");
        }
    }

    public void Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value))
        {
            Add(field, $"must be a finite number (got {Format(value)})");
        }
        else if (value < min || value > max)
        {
            Add(field, $"must be in [{Format(min)}, {Format(max)}] (got {Format(value)})");
        }
    }

    public void OptionalRange(string field, double? value, double min, double max)
    {
        if (value is { } v)
        {
            Range(field, v, min, max);
        }
    }

    public void Range(string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be in [{min}, {max}] (got {value})");
        }
    }

    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }

    public void Timestamp(string field, DateTimeOffset value, DateTimeOffset now)
    {
        // A clock far in the future or a default value means the sender's clock or serializer is
        // broken; trusting it would corrupt time-ordered queries and budget windows.
        if (value == default)
        {
            Add(field, "is required");
        }
        else if (value > now.AddMinutes(10))
        {
            Add(field, $"is in the future ({value:O}; now {now:O})");
        }
        else if (value < now.AddYears(-1))
        {
            Add(field, $"is more than a year old ({value:O})");
        }
    }

    public void ThrowIfInvalid(string messageType)
    {
        if (_errors is not null)
        {
            throw new InvalidMessageException(messageType, _errors);
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
