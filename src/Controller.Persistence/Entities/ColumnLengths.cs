namespace Controller.Persistence.Entities;

/// <summary>
/// Maximum lengths of the bounded text columns, in characters. Shared by the EF configurations
/// (PostgreSQL enforces them as <c>varchar(n)</c>) and by <see cref="EntityValidator"/>, which checks
/// them before writing because SQLite would silently accept a longer value.
/// </summary>
public static class ColumnLengths
{
    /// <summary>Identifiers chosen by edge agents: device, dialogue, device class.</summary>
    public const int Identifier = 128;

    /// <summary>Task category names from the dataset or the agent.</summary>
    public const int TaskCategory = 128;

    /// <summary>Policy names.</summary>
    public const int PolicyName = 128;

    /// <summary>Policy version labels.</summary>
    public const int PolicyVersion = 64;

    /// <summary>Algorithm or rule family names, e.g. <c>rc-ppo</c>.</summary>
    public const int Algorithm = 64;

    /// <summary>Enum names stored as text (location, network, statuses).</summary>
    public const int EnumName = 32;

    /// <summary>Why a policy handed a decision to its fallback (longer reasons are cut).</summary>
    public const int FallbackReason = 256;

    /// <summary>Who made a policy lifecycle change (an operator's name, a service component).</summary>
    public const int Actor = 128;

    /// <summary>Why a policy lifecycle change was made.</summary>
    public const int Reason = 4000;

    /// <summary>Lower-case hex SHA-256.</summary>
    public const int Sha256Hex = 64;

    /// <summary>Filesystem path of a policy bundle.</summary>
    public const int Path = 1024;
}
