using Controller.Learning.Algorithms;
using Controller.Learning.Constraints;
using Controller.Learning.Policies;
using Controller.Training.Learners;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>
/// Trains one policy on a seed's training split and saves it as a bundle with its learning curve
/// and <see cref="TmoPolicySettings"/>. The RC forms constrain both costs with Lagrange
/// multipliers (dual ascent) on budget-normalised costs, "expected episode cost ≤ 1".
/// </summary>
public static class TmoTrainer
{
    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> receives timesteps at every metrics dump.</summary>
    public static TrainingOutcome Train(TmoTrainingRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Steps, 1L);
        var split = DatasetSplit.BySeed(request.Dataset.Dialogues, request.Seed, rule: request.Options.Split);
        var problem = TmoProblem.Create(request.Dataset, split.Train, request.Device, request.Network, request.Options.NeighbourTies);
        var environment = new TmoEnvironment(problem, split.Train, request.Options, request.Seed);
        var wrapped = BudgetFeatures.Wrap(environment, request.Seed);

        var curve = new StringWriter();
        var setup = new TrainingSetup([wrapped], request.Seed)
        {
            Constraints = request.Algorithm.Constrained
                ? new ConstraintSettings([new ConstraintBudget(TmoEnvironment.CostNames[0], 1.0), new ConstraintBudget(TmoEnvironment.CostNames[1], 1.0)])
                : ConstraintSettings.None,
            Observation = ObservationSpec.Identity([.. environment.ObservationNames, .. BudgetFeatures.Names]),
            Actions = new ActionSpec(Enumerable.Range(0, problem.Space.ActionCount).Select(problem.Space.Label).ToArray()),
            Metrics = LearnerRun.CurveLogger(curve, progress),
        };

        var outcome = LearnerRun.LearnAndSave(request.Algorithm, setup, curve, request.Steps, request.Seed, request.Name, request.Dataset.Name,
            request.OutputRoot, cancellationToken: cancellationToken, backend: request.Backend);
        new TmoPolicySettings(
            request.Algorithm.Name,
            request.Dataset.Name,
            request.Device.Name,
            request.Network.Name,
            request.Options.LatencyBudgetS,
            request.Options.UsageBudgetUsd,
            request.Options.Observation,
            request.Options.UseLoggedHistory,
            request.Options.MaskOverBudget,
            request.Steps,
            request.Seed,
            outcome.TrainSeconds,
            outcome.TrainCpuSeconds,
            [.. split.Train.Select(d => d.Id).Order()]).Save(outcome.BundleDirectory);
        return outcome;
    }
}
