namespace Controller.Persistence.Stores;

/// <summary>Who asks for a policy lifecycle change, when and why; written to <c>PolicyHistory</c> with the change.</summary>
/// <param name="At">When the change happens.</param>
/// <param name="By">An operator's name, or the component that decided (e.g. <c>rollback-monitor</c>).</param>
/// <param name="Reason">Why, in words a later reader understands.</param>
/// <param name="GateOverridden">True when the promotion gate refused and the operator overrode it.</param>
public sealed record PolicyChangeNote(DateTimeOffset At, string By, string Reason, bool GateOverridden = false);
