namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>
/// Fits an outcome model on logged decisions: the regression the doubly robust estimator corrects. Issue #13's
/// telemetry models plug in here.
/// </summary>
public interface IOutcomeModelTrainer
{
    /// <summary>Name shown in reports, with its settings.</summary>
    string Name { get; }

    /// <param name="training">Records to learn from (already checked: same shapes, finite values).</param>
    /// <param name="outcome">Which outcome to model.</param>
    /// <param name="actionCount">Size of the action space.</param>
    IOutcomeModel Fit(IReadOnlyList<LoggedDecision> training, OutcomeColumn outcome, int actionCount);
}
