namespace Controller.Persistence.Entities;

/// <summary>
/// One lifecycle change of a policy version: from which state to which, when, who asked and why. Written in the same
/// transaction as the change itself, so the history and the <c>Policies</c> rows never disagree.
/// </summary>
public sealed class PolicyHistoryEntity
{
    /// <summary>Time-ordered (version 7) id; orders changes made at the same instant.</summary>
    public Guid ChangeId { get; set; }

    public required string Name { get; set; }

    public required string Version { get; set; }

    /// <summary>The state before; null for registration.</summary>
    public PolicyStatus? FromStatus { get; set; }

    public PolicyStatus ToStatus { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Who asked: an operator's name from the CLI, or <c>rollback-monitor</c> for an automatic rollback.</summary>
    public required string ChangedBy { get; set; }

    public required string Reason { get; set; }

    /// <summary>True when the promotion gate refused and an operator overrode it; <see cref="Reason"/> then holds both.</summary>
    public bool GateOverridden { get; set; }

    /// <summary>
    /// The other policy in the change: the one an activation replaced, the one a rollback restored, the one whose
    /// activation retired this one. Null when there is none.
    /// </summary>
    public string? RelatedName { get; set; }

    public string? RelatedVersion { get; set; }

    /// <summary>When a replica published the change on the bus (activations only); null until one has.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }
}
