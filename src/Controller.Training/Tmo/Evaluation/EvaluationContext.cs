using Controller.Training.Tmo.Baselines;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>What a method needs to build its policy for one seed.</summary>
/// <param name="Problem">Problem with the score model fitted on this seed's training split.</param>
/// <param name="Split">This seed's split.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Options">Budgets and reward of the evaluation.</param>
/// <param name="Oracle">Shared oracle search for this seed (plans are cached per dialogue).</param>
public sealed record EvaluationContext(TmoProblem Problem, DatasetSplit Split, int Seed, TmoEnvironmentOptions Options, OracleSearch Oracle);

/// <summary>A method in the comparison: a name and how to build its policy for a seed.</summary>
/// <param name="Name">Name in the tables.</param>
/// <param name="Create">Builds a fresh policy for one seed.</param>
/// <param name="Observation">Observation the policy reads; null for the evaluation's default.</param>
/// <param name="TrainedWith">How a learned policy was trained (its first bundle's settings); null for baselines.</param>
public sealed record EvaluationMethod(string Name, Func<EvaluationContext, ITmoPolicy> Create, TmoObservationMode? Observation = null, TmoPolicySettings? TrainedWith = null);
