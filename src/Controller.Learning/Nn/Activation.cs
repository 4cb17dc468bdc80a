namespace Controller.Learning.Nn;

/// <summary>Non-linearity between the hidden layers of an <see cref="Mlp"/>.</summary>
public enum Activation
{
    /// <summary>Hyperbolic tangent; SB3's default for actor-critic policies.</summary>
    Tanh,

    /// <summary>Rectified linear unit; SB3's default for DQN Q-networks.</summary>
    Relu,
}
