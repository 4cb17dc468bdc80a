using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Datasets;

/// <summary>One turn of a dialogue as the TMO environment replays it.</summary>
/// <param name="TaskId">Index into <see cref="TmoDataset.TaskNames"/>.</param>
/// <param name="Association">Prompt–modality association score of each modality for this turn.</param>
/// <param name="LoggedAction">The behaviour action logged for this turn (flat index of <see cref="ModalityActionSpace"/>).</param>
/// <param name="LoggedScore">Response score of the logged action (0 for a refusal).</param>
/// <param name="Draw">Random draws of a synthetic turn; null for logged data.</param>
public sealed record TmoTurn(int TaskId, IReadOnlyList<double> Association, int LoggedAction, double LoggedScore, SyntheticTurnDraw? Draw = null);

/// <summary>
/// The per-turn random draws of the synthetic generator, kept so the score of any action (and of any
/// history) is a known function: the oracle and every method see the same world.
/// </summary>
/// <param name="LocalScore">Score of the local answer, already clipped to [0, 2].</param>
/// <param name="CloudNoise">Noise of the cloud answer: its score is clip(1.0 + 0.1·images so far + noise, 0, 2).</param>
public sealed record SyntheticTurnDraw(double LocalScore, double CloudNoise);
