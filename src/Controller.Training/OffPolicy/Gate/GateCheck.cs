namespace Controller.Training.OffPolicy.Gate;

/// <summary>One check of the promotion gate, with the numbers it compared.</summary>
/// <param name="Name">"decisions", "effective sample size", "reward" or "cost energy_j", ….</param>
/// <param name="Passed">Whether the candidate passed it.</param>
/// <param name="Observed">The candidate's figure (decision count, reward lower bound, cost upper bound); NaN when missing.</param>
/// <param name="Threshold">What it was compared against (minimum, active estimate + margin, budget); NaN when missing.</param>
/// <param name="Detail">The comparison in words, e.g. "upper bound 0.0031 > budget 0.0025 US$ per decision".</param>
public sealed record GateCheck(string Name, bool Passed, double Observed, double Threshold, string Detail);
