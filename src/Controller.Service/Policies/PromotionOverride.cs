namespace Controller.Service.Policies;

/// <summary>An operator's explicit override of a refusing promotion gate; recorded in the history with the gate's reasons.</summary>
/// <param name="By">Who overrides.</param>
/// <param name="Reason">Why.</param>
public sealed record PromotionOverride(string By, string Reason);
