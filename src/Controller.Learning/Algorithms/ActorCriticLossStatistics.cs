namespace Controller.Learning.Algorithms;

/// <summary>Loss terms of one actor-critic gradient step (means over the batch).</summary>
/// <param name="PolicyLoss">Surrogate (PPO) or policy-gradient (A2C) loss.</param>
/// <param name="ValueLoss">MSE of the value critic.</param>
/// <param name="CostValueLoss">MSE of the cost critic summed over constraints (0 when unconstrained).</param>
/// <param name="EntropyLoss">Negative mean entropy.</param>
/// <param name="TotalLoss">What the gradient is of: policy + ent_coef·entropy + vf_coef·(value + cost value).</param>
/// <param name="ApproxKl">Mean of <c>(r − 1) − log r</c> (PPO only; 0 for A2C).</param>
/// <param name="ClipFraction">Share of samples with <c>|r − 1| &gt; ε</c> (PPO only).</param>
public readonly record struct ActorCriticLossStatistics(
    double PolicyLoss, double ValueLoss, double CostValueLoss, double EntropyLoss, double TotalLoss, double ApproxKl, double ClipFraction);
