namespace Controller.Learning.Policies;

/// <summary>What the network's outputs mean.</summary>
public enum PolicyHead
{
    /// <summary>Logits of a masked categorical distribution (PPO, A2C).</summary>
    Categorical,

    /// <summary>Action values; the policy is greedy over allowed actions (DQN).</summary>
    QValues,
}
