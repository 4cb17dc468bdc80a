namespace Controller.Contracts;

/// <summary>
/// Schema versions of the wire contracts. A receiver accepts exactly the versions it knows and
/// rejects any other with an error naming <c>schemaVersion</c>, so an agent built against a newer
/// contract is told so instead of being half-understood.
/// </summary>
public static class SchemaVersions
{
    /// <summary>The version every message in this assembly is written with.</summary>
    public const int Current = 1;

    /// <summary>True when a receiver built from this assembly understands <paramref name="version"/>.</summary>
    public static bool IsSupported(int version) => version == Current;
}
