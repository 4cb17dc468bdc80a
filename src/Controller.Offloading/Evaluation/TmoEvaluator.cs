using System.Collections.Concurrent;
using System.Diagnostics;
using Controller.Offloading.Baselines;
using Controller.Offloading.Tmo;

namespace Controller.Offloading.Evaluation;

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
        return new EvaluationReport(dataset.Name, settings, summaries, bySeed, clock.Elapsed.TotalSeconds, cpuSeconds);
    }

    private static List<SeedResult> RunSeed(TmoDataset dataset, EvaluationSettings settings, IReadOnlyList<EvaluationMethod> methods, int seed, Action tick, CancellationToken cancellationToken)
    {
        var split = DatasetSplit.BySeed(dataset.Dialogues, seed, settings.TestFraction);
        var problem = TmoProblem.Create(dataset, split.Train, settings.Device, settings.Network);
        var context = new EvaluationContext(problem, split, seed, settings.Options, new OracleSearch(problem, settings.Options));
        var environments = new Dictionary<(bool, TmoObservationMode), TmoEnvironment>();
        var results = new List<SeedResult>(methods.Count);
        foreach (var method in methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOffloadingPolicy policy = method.Create(context);
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
