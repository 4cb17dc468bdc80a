using Controller.Learning.Backends;

namespace Controller.Learning.Algorithms;

/// <summary>
/// The one place that turns a <see cref="LearnerKind"/> and a backend name into an <see cref="ILearner"/>. Trainers and
/// the CLI call <see cref="Create"/> and see only the interface. The table is (backend, family) → builder; the managed
/// backend is built in, and a host that loads the TorchSharp backend (a 600 MB native download kept out of every path
/// that does not train with it) adds it with <see cref="RegisterBackend"/>, which fills in its three entries.
/// </summary>
public static class LearnerCatalog
{
    /// <summary>The managed core's name, the default backend.</summary>
    public const string ManagedBackendName = "managed";

    /// <summary>The TorchSharp backend's name (<c>Controller.Learning.TorchSharp</c>).</summary>
    public const string TorchSharpBackendName = "torchsharp";

    private static readonly object Gate = new();
    private static readonly Dictionary<(string Backend, string Family), Func<TrainingSetup, long, LearnerHyperparameters, ILearner>> Builders = new();

    static LearnerCatalog() => AddEntries(ManagedBackend.Instance);

    /// <summary>Chooses the backend per network size (<see cref="DefaultBackendFor"/>); a command-line value, never registered.</summary>
    public const string AutoBackendName = "auto";

    /// <summary>
    /// The backend whose PPO update was the faster at this network size in <c>controller bench backends</c> (README,
    /// "Learning backends"): the managed core at 64-64 (minibatch 64), TorchSharp at 256-256 (minibatch 1024). Sizes in
    /// between were not measured and stay on the managed core, which needs no 600 MB download.
    /// </summary>
    public static string DefaultBackendFor(IReadOnlyList<int> hiddenSizes)
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        return hiddenSizes.Count > 0 && hiddenSizes.Max() >= 256 ? TorchSharpBackendName : ManagedBackendName;
    }

    /// <summary>Every backend a learner can be built on, loaded or not.</summary>
    public static IReadOnlyList<string> BackendNames { get; } = [ManagedBackendName, TorchSharpBackendName];

    /// <summary>Adds <paramref name="backend"/>'s PPO, A2C and DQN entries (again: replaces them).</summary>
    public static void RegisterBackend(ITrainingBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (!BackendNames.Contains(backend.Name))
        {
            throw new ArgumentException($"unknown backend '{backend.Name}'; known backends: {string.Join(", ", BackendNames)}", nameof(backend));
        }

        AddEntries(backend);
    }

    /// <summary>True when <paramref name="backend"/>'s entries are in the table.</summary>
    public static bool IsRegistered(string backend)
    {
        lock (Gate)
        {
            return Builders.Keys.Any(k => k.Backend == backend);
        }
    }

    /// <summary>Builds the learner <paramref name="kind"/> names on <paramref name="setup"/>, its update on <paramref name="backend"/>.</summary>
    /// <param name="plannedTimesteps">Steps the caller will train for; sizes what depends on it (DQN's replay buffer).</param>
    /// <param name="hyperparameters">Per-family overrides; null fields take the documented defaults.</param>
    /// <param name="backend"><c>managed</c> (default) or <c>torchsharp</c> (registered by the host first).</param>
    /// <exception cref="ArgumentException">No learner of <paramref name="kind"/>'s family, an unknown backend, or one not loaded.</exception>
    public static ILearner Create(LearnerKind kind, TrainingSetup setup, long plannedTimesteps, LearnerHyperparameters? hyperparameters = null, string backend = ManagedBackendName)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(backend);
        if (!BackendNames.Contains(backend))
        {
            throw new ArgumentException($"unknown backend '{backend}'; known backends: {string.Join(", ", BackendNames)}", nameof(backend));
        }

        Func<TrainingSetup, long, LearnerHyperparameters, ILearner>? build;
        lock (Gate)
        {
            if (!Builders.TryGetValue((backend, kind.Family), out build) && !Builders.Keys.Any(k => k.Backend == backend))
            {
                throw new ArgumentException($"the '{backend}' backend is not loaded in this process; its host registers it with LearnerCatalog.RegisterBackend", nameof(backend));
            }
        }

        if (build is null)
        {
            throw new ArgumentException($"no learner for the family '{kind.Family}'; known families: ppo, a2c, dqn", nameof(kind));
        }

        return build(setup, plannedTimesteps, hyperparameters ?? new LearnerHyperparameters());
    }

    private static void AddEntries(ITrainingBackend backend)
    {
        lock (Gate)
        {
            Builders[(backend.Name, "ppo")] = (setup, _, hp) => new Ppo(setup, hp.Ppo, backend);
            Builders[(backend.Name, "a2c")] = (setup, _, hp) => new A2c(setup, hp.A2c, backend);
            Builders[(backend.Name, "dqn")] = (setup, steps, hp) => new Dqn(setup, hp.Dqn ?? SizedDqn(steps), backend);
        }
    }

    // The replay buffer never needs more room than the run has steps (SB3's 1e6 would waste memory here).
    private static DqnHyperparameters SizedDqn(long steps) =>
        new(BufferSize: (int)Math.Min(new DqnHyperparameters().BufferSize, Math.Max(steps, 1000)));
}
