using Controller.Learning.Policies;
using Controller.Training.Learners;

namespace Controller.Cli.Jobs;

/// <summary>Checks a training run's bundle folders before it starts, since a saved bundle is never overwritten.</summary>
internal static class OutputBundles
{
    /// <summary>Throws when <c>root/seed-N</c> already holds a bundle for any of <paramref name="seeds"/>.</summary>
    /// <exception cref="ArgumentException">Some bundles exist; the message names them and <paramref name="option"/>.</exception>
    public static void RefuseExisting(string option, string root, IEnumerable<int> seeds)
    {
        var existing = seeds
            .Select(seed => Path.Combine(root, LearnerRun.VersionFor(seed)))
            .Where(directory => File.Exists(Path.Combine(directory, PolicyBundleSerializer.ManifestFile)))
            .ToList();
        if (existing.Count > 0)
        {
            throw new ArgumentException(
                $"{option} {root} already holds {(existing.Count == 1 ? "a bundle" : $"{existing.Count} bundles")} ({string.Join(", ", existing)}); bundles are never overwritten, choose another {option} or remove them");
        }
    }
}
