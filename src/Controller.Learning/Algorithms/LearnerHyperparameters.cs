namespace Controller.Learning.Algorithms;

/// <summary>Hyperparameter overrides per family for <see cref="LearnerCatalog.Create"/>; null means the documented defaults.</summary>
/// <param name="Ppo">PPO and RC-PPO.</param>
/// <param name="A2c">A2C and RC-A2C.</param>
/// <param name="Dqn">DQN and RC-DQN; null sizes the replay buffer to the run.</param>
public sealed record LearnerHyperparameters(PpoHyperparameters? Ppo = null, A2cHyperparameters? A2c = null, DqnHyperparameters? Dqn = null);
