namespace Controller.Learning.Constraints;

/// <summary>
/// PID-Lagrangian gains (Stooke, Achiam &amp; Abbeel, ICML 2020): <c>λ = max(0, Kp·e + I + Kd·max(0, Δc̄))</c>,
/// <c>I = max(0, I + Ki·e)</c>, <c>e = c̄ − budget</c>, with <c>c̄</c> an exponential average of episode costs.
/// </summary>
/// <param name="Proportional">Kp: damps oscillation by reacting to the current violation.</param>
/// <param name="Integral">Ki: plays the role of plain dual ascent's step size.</param>
/// <param name="Derivative">Kd: reacts to rising cost before the budget is crossed.</param>
/// <param name="CostSmoothing">Weight of the newest cost in the exponential average (1 = no smoothing).</param>
public sealed record PidGains(double Proportional, double Integral, double Derivative, double CostSmoothing = 1.0);
