using Controller.Offloading.EdgeCloud.Problem;
using Controller.Service.Policies;

namespace Controller.Service.Decisions;

/// <summary>
/// The edge–cloud problem the decision path logs observations and masks under when the deciding policy built none (the
/// baseline's decisions): <see cref="InitialPolicy.ObservationProblem"/>, read once at start. A learned policy's own
/// problem takes precedence for its fallbacks (<see cref="LearnedPlacementPolicy.Problem"/>).
/// </summary>
/// <param name="Problem">The problem; null when no bundle describes one, and then baseline decisions log no vectors.</param>
/// <param name="Reason">Why <paramref name="Problem"/> is null.</param>
public sealed record DecisionObservationProblem(EdgeCloudServingProblem? Problem, string? Reason = null);
