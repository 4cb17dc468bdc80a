using Controller.Learning.Algorithms;
using Controller.Learning.Policies;
using Controller.Training.Learners;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Evaluation;

/// <summary>Turns policy directories (<c>policies/NAME</c>) into evaluation methods.</summary>
public static class LearnedPolicyMethods
{
    /// <summary>
    /// A method for the policy root <paramref name="directory"/>: for seed s it loads
    /// <c>directory/seed-s</c>, trained on that seed's split, so no test dialogue was seen in
    /// training. A directory that is itself a bundle, or holds a single bundle, is used for every seed.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist or holds no bundle.</exception>
    public static EvaluationMethod Create(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{directory}: no such policy directory");
        }

        var bundles = File.Exists(Path.Combine(root, PolicyBundleSerializer.ManifestFile))
            ? [root]
            : Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, PolicyBundleSerializer.ManifestFile))).ToArray();
        if (bundles.Length == 0)
        {
            throw new DirectoryNotFoundException($"{directory}: holds no policy bundle (no manifest.json in it or in its seed-N folders); run 'controller train' first");
        }

        var first = TmoPolicySettings.Load(bundles[0]);
        var name = $"{LearnerKind.LabelOf(first.Algorithm)} ({Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar))})";
        return new EvaluationMethod(name, context => Load(name, root, bundles, context), first.Observation, first);
    }

    private static LearnedPolicy Load(string name, string root, string[] bundles, EvaluationContext context)
    {
        var perSeed = Path.Combine(root, LearnerRun.VersionFor(context.Seed));
        var directory = Directory.Exists(perSeed) ? perSeed : bundles.Length == 1 ? bundles[0] : throw new DirectoryNotFoundException(
            $"{root}: no bundle for seed {context.Seed} ({LearnerRun.VersionFor(context.Seed)}); train with --seeds covering {context.Seed}");
        var settings = TmoPolicySettings.Load(directory);
        RequireHeldOut(directory, settings, context);
        var bundle = PolicyBundleStore.Load(directory);
        var options = context.Options with { Observation = settings.Observation };
        var observationSize = new TmoEnvironment(context.Problem, context.Split.Test, options).Spec.ObservationSize;
        return new LearnedPolicy(name, bundle, settings, observationSize);
    }

    /// <summary>
    /// Refuses to score a policy on dialogues it trained on: the bundle records its training dialogues,
    /// and none may be in this seed's test split (same dataset). Bundles from before that record must
    /// at least come from this seed's split.
    /// </summary>
    private static void RequireHeldOut(string directory, TmoPolicySettings settings, EvaluationContext context)
    {
        if (settings.TrainingDialogueIds is null)
        {
            if (settings.Seed != context.Seed)
            {
                throw new InvalidDataException(
                    $"{directory}: trained on seed {settings.Seed}'s split, so seed {context.Seed}'s test dialogues may be among its training ones; evaluate it with --seeds {settings.Seed} or train one policy per seed (--seeds)");
            }

            return;
        }

        if (!string.Equals(Path.GetFileName(settings.Dataset), Path.GetFileName(context.Problem.Dataset.Name), StringComparison.Ordinal))
        {
            return;
        }

        var trained = settings.TrainingDialogueIds.ToHashSet();
        var leaked = context.Split.Test.Where(d => trained.Contains(d.Id)).Select(d => d.Id).ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidDataException(
                $"{directory}: trained on {leaked.Count} of seed {context.Seed}'s {context.Split.Test.Count} test dialogues (ids {string.Join(", ", leaked.Take(5))}{(leaked.Count > 5 ? ", …" : string.Empty)}); evaluate it only on the seed it was trained for (seed {settings.Seed})");
        }
    }
}
