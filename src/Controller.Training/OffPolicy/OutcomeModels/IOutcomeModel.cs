namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>A fitted model q̂(x, a) of one outcome's expectation given the context and the action.</summary>
public interface IOutcomeModel
{
    /// <summary>One prediction per query, in query order.</summary>
    double[] Predict(IReadOnlyList<OutcomeQuery> queries);
}
