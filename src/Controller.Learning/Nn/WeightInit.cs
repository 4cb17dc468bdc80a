namespace Controller.Learning.Nn;

/// <summary>How <see cref="Mlp.Create"/> initialises weights; biases always start at zero.</summary>
/// <param name="Scheme">Orthogonal (SB3 actor-critic) or Xavier uniform.</param>
/// <param name="HiddenGain">Gain of the hidden layers; SB3 uses √2 for orthogonal init.</param>
/// <param name="OutputGain">Gain of the output layer; SB3 uses 0.01 for the action head and 1 for value heads.</param>
public sealed record WeightInit(InitScheme Scheme, double HiddenGain, double OutputGain)
{
    /// <summary>SB3 <c>ActorCriticPolicy</c> policy head: orthogonal, √2 hidden, 0.01 output.</summary>
    public static WeightInit PolicyHead { get; } = new(InitScheme.Orthogonal, Math.Sqrt(2), 0.01);

    /// <summary>SB3 <c>ActorCriticPolicy</c> value head: orthogonal, √2 hidden, 1 output.</summary>
    public static WeightInit ValueHead { get; } = new(InitScheme.Orthogonal, Math.Sqrt(2), 1.0);

    /// <summary>Xavier uniform with gain 1 everywhere (used for DQN Q-networks).</summary>
    public static WeightInit Xavier { get; } = new(InitScheme.XavierUniform, 1.0, 1.0);
}

/// <summary>Weight initialisation family.</summary>
public enum InitScheme
{
    Orthogonal,
    XavierUniform,
}
