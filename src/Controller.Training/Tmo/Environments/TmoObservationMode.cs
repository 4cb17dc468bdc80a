namespace Controller.Training.Tmo.Environments;

/// <summary>Which observation the TMO environment gives the agent.</summary>
public enum TmoObservationMode
{
    /// <summary>TMO's conference version: the raw window of the last 5 per-turn states (25 numbers for M = 3), unnormalised.</summary>
    Reference,

    /// <summary>
    /// This project's: the window with every feature in [0, 1] (presence flag, previous location
    /// one-hot, uploaded modalities, task one-hot) followed by the remaining latency and usage
    /// budgets as fractions of the budget (clipped to [−1, 1]) and the turn index over the longest dialogue.
    /// </summary>
    Improved,

    /// <summary>
    /// <see cref="Improved"/> followed by the estimated one-step reward of every action at this turn
    /// (what one-step greedy maximises), so the policy can trade it against the budget left.
    /// </summary>
    ImprovedWithRewards,
}
