using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Controller.Training.Tmo.Baselines;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>
/// TMO's evaluation protocol: for every seed, split the dialogues 80/20, fit the score model on
/// the training part, and run every method on every test dialogue; then summarise over seeds.
/// Seeds run in parallel (one per core); within a seed the methods share the fitted problem.
/// </summary>
public static class TmoEvaluator
{
    /// <summary>Runs the comparison. <paramref name="progress"/> receives one tick per (seed, method).</summary>
    public static EvaluationReport Run(
        TmoDataset dataset,
        EvaluationSettings settings,
        IReadOnlyList<EvaluationMethod> methods,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (settings.Seeds.Count == 0)
        {
            throw new ArgumentException("the evaluation needs at least one seed", nameof(settings));
        }

        if (methods.Count == 0)
        {
            throw new ArgumentException("the evaluation needs at least one method", nameof(methods));
        }

        var duplicate = methods.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"method '{duplicate.Key}' appears twice", nameof(methods));
        }

        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var results = new ConcurrentBag<SeedResult>();
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(settings.Seeds, parallel, seed =>
        {
            foreach (var result in RunSeed(dataset, settings, methods, seed, () => progress?.Report(Interlocked.Increment(ref done)), cancellationToken))
            {
                results.Add(result);
            }
        });

        var bySeed = results.OrderBy(r => r.Seed).ToList();
        var summaries = methods
            .Select(m => MethodSummary.Of(m.Name, bySeed.Where(r => r.Method == m.Name).ToList()))
            .ToList();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var provenance = methods.Where(m => m.TrainedWith is not null).Select(m => Provenance(m.Name, m.TrainedWith!, settings)).ToList();
        return new EvaluationReport(dataset.Name, settings, summaries, bySeed, clock.Elapsed.TotalSeconds, cpuSeconds, provenance);
    }

    /// <summary>
    /// How a learned method was trained, naming every setting that differs from this evaluation, so a table never
    /// silently mixes a policy trained for another device, network or budget (transfer is allowed, but visible).
    /// </summary>
    public static string Provenance(string method, TmoPolicySettings trained, EvaluationSettings evaluation)
    {
        var differences = new List<string>();
        if (!string.Equals(trained.Device, evaluation.Device.Name, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add("device");
        }

        if (!string.Equals(trained.Network, evaluation.Network.Name, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add("network");
        }

        if (Differs(trained.LatencyBudgetS, evaluation.Options.LatencyBudgetS) || Differs(trained.UsageBudgetUsd, evaluation.Options.UsageBudgetUsd))
        {
            differences.Add("budgets");
        }

        if (trained.MaskOverBudget != evaluation.Options.MaskOverBudget)
        {
            differences.Add("masking (the policy keeps its own)");
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"{method}: {trained.Algorithm}, {trained.Steps} steps, trained with device {trained.Device}, network {trained.Network}, budgets {trained.LatencyBudgetS} s / ${trained.UsageBudgetUsd}, observation {trained.Observation}, masks {(trained.MaskOverBudget ? "on" : "off")}");
        return differences.Count == 0 ? text + "; same settings as this evaluation" : text + "; differs from this evaluation in " + string.Join(", ", differences);

        static bool Differs(double a, double b) => Math.Abs(a - b) > BudgetComparison.RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    private static List<SeedResult> RunSeed(TmoDataset dataset, EvaluationSettings settings, IReadOnlyList<EvaluationMethod> methods, int seed, Action tick, CancellationToken cancellationToken)
    {
        var split = DatasetSplit.BySeed(dataset.Dialogues, seed, settings.TestFraction, settings.Options.Split);
        var problem = TmoProblem.Create(dataset, split.Train, settings.Device, settings.Network, settings.Options.NeighbourTies);
        var context = new EvaluationContext(problem, split, seed, settings.Options, new OracleSearch(problem, settings.Options));
        var environments = new Dictionary<(bool, TmoObservationMode), TmoEnvironment>();
        var results = new List<SeedResult>(methods.Count);
        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITmoPolicy policy = method.Create(context);
            var key = (policy.UsesBudgetMask, method.Observation ?? settings.Options.Observation);
            if (!environments.TryGetValue(key, out var environment))
            {
                // Evaluation always feeds the agent its own history, whatever it trained with.
                var options = settings.Options with { MaskOverBudget = key.Item1, Observation = key.Item2, UseLoggedHistory = false };
                environment = new TmoEnvironment(problem, split.Test, options, seed);
                environments[key] = environment;
            }

            var dialogues = split.Test.Select(d => EpisodeRunner.Run(environment, policy, d)).ToList();
            results.Add(SeedResult.From(method.Name, seed, dialogues, settings.Options.LatencyBudgetS, settings.Options.UsageBudgetUsd));
            tick();
        }

        return results;
    }
}
