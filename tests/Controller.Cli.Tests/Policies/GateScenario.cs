using System.Text.Json;
using Controller.Contracts;
using Controller.Learning.Nn;
using Controller.Learning.Policies;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Persistence.Hosting;
using Controller.Service.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Cli.Tests.Policies;

/// <summary>
/// A SQLite store holding decisions logged by a known explorative policy: <c>logger/v0</c> draws uniformly (propensity
/// 1/3, recorded) among three allowed actions — Local, Cloud without uploads, Speculative k = 1 — and each action has its
/// own mean outcome (noisy). Cloud earns more than the logger's mean within every budget; Speculative earns the most but
/// burns 30 J a decision against a 20 J share (800 J per 600 s window over 40 decisions per device window). A few
/// baseline decisions without observation or mask sit in the log too. Bundles are real edge–cloud bundles (absolute
/// draft actions, no planner prior, K = 2) that the learned-policy loader accepts; a candidate prefers one action by a
/// large output bias on a zero network.
/// </summary>
internal static class GateScenario
{
    public static readonly EdgeCloudPolicySpec Spec = new(
        new EdgeCloudServingProblem(new WindowBudgets(800, 0.10, 600, 20_000, 8, 10), 2, MaskOverBudget: true), DraftLengthActions.Absolute, null);

    public static CompositeActionSpace Space => CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, Spec.Problem.MaxDraftLength);

    public static int Local => Space.Encode(CompositeAction.Local);

    public static int Cloud => Space.Encode(new CompositeAction(Location.Cloud, 0, 0));

    public static int Speculative => Space.Encode(new CompositeAction(Location.Speculative, 0, 1));

    /// <summary>Mean outcome per allowed action: quality, energy J, spend US$, latency ms.</summary>
    private static (double Quality, double Energy, double Spend, double Latency) Mean(int action) =>
        action == Local ? (0.5, 12, 0, 6_000)
        : action == Cloud ? (0.8, 2, 0.003, 2_000)
        : (1.0, 30, 0.0005, 1_500);

    /// <summary>
    /// Writes a bundle directory (manifest.json + weights) whose policy puts almost all mass on <paramref name="preferred"/>
    /// (uniform when null); its problem is <see cref="Spec"/>'s, or <paramref name="spec"/>'s when given.
    /// </summary>
    public static string WriteBundle(string root, string name, string version, int? preferred, EdgeCloudPolicySpec? spec = null)
    {
        spec ??= Spec;
        var space = CompositeActionSpace.Get(EdgeCloudProblem.ModalitySlots, spec.Problem.MaxDraftLength);
        var network = Mlp.CreateZeroed("pi", EdgeCloudObservation.Size, [4], space.Count, Activation.Tanh);
        if (preferred is { } a)
        {
            // Zero weights make every hidden unit 0, so the logits are the output bias.
            network.Parameters[^1].Value[a] = 8;
        }

        var policy = new Policy(network, PolicyHead.Categorical, ObservationSpec.Identity(EdgeCloudObservation.Names),
            new ActionSpec([.. Enumerable.Range(0, space.Count).Select(i => EdgeCloudActionLabels.Label(space, i))]));
        var manifest = new PolicyManifest
        {
            Name = name,
            Version = version,
            Algorithm = "RC-PPO",
            Hyperparameters = new Dictionary<string, JsonElement>(),
            Observation = policy.Observation,
            Actions = policy.Actions,
            Network = new NetworkSpec(PolicyHead.Categorical, "pi", [4], Activation.Tanh),
            Problem = spec.ToManifest(),
        };
        var directory = Path.Combine(root, $"{name}-{version}");
        Directory.CreateDirectory(directory);
        using var manifestStream = File.Create(Path.Combine(directory, PolicyBundleSerializer.ManifestFile));
        using var weightsStream = File.Create(Path.Combine(directory, PolicyBundleSerializer.DefaultWeightsFile));
        PolicyBundleSerializer.Write(new PolicyBundle(manifest, policy), manifestStream, weightsStream);
        return directory;
    }

    /// <summary>Logs <paramref name="learned"/> decisions of logger/v0 (5 devices, one every 15 s, 8-turn dialogues) and <paramref name="baseline"/> baseline ones, all with outcomes.</summary>
    public static async Task SeedAsync(string connectionString, int learned, int baseline, int seed = 1)
    {
        var services = new ServiceCollection();
        services.AddControllerPersistence(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = connectionString });
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider, CancellationToken.None);
        await using var db = await provider.GetRequiredService<IDbContextFactory<ControllerDbContext>>().CreateDbContextAsync();
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        int[] allowed = [Local, Cloud, Speculative];
        var mask = new bool[Space.Count];
        foreach (var a in allowed)
        {
            mask[a] = true;
        }

        for (var i = 0; i < learned + baseline; i++)
        {
            var (device, turn) = (i % 5, i / 5);
            var action = allowed[random.Next(allowed.Length)];
            var isBaseline = i >= learned;
            var observation = Enumerable.Range(0, EdgeCloudObservation.Size).Select(_ => (float)random.NextDouble()).ToArray();
            db.Decisions.Add(Decision($"dev-{device}", $"dev-{device}-d{turn / 8}", turn % 8, start.AddSeconds(15 * turn), action, random,
                isBaseline ? null : observation, isBaseline ? null : mask, isBaseline));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Logs <paramref name="count"/> decisions made by the real <c>baseline-greedy</c> (the service's settings: K = 16,
    /// ε = 0.05) on live-like contexts with heartbeats (5 devices, one to three image offers), each with the observation and
    /// mask the decision path logs for it (<see cref="DecisionVectors.Encode"/> under <paramref name="problem"/>) and an
    /// outcome near the baseline's own expectation.
    /// </summary>
    public static async Task SeedBaselineAsync(string connectionString, int count, EdgeCloudServingProblem problem, int seed = 1)
    {
        var services = new ServiceCollection();
        services.AddControllerPersistence(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = connectionString });
        await using var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider, CancellationToken.None);
        await using var db = await provider.GetRequiredService<IDbContextFactory<ControllerDbContext>>().CreateDbContextAsync();
        var random = new Random(seed);
        var baseline = new GreedyBudgetPolicy(new GreedyBudgetOptions { Epsilon = 0.05 });
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var (device, turn) = ($"dev-{i % 5}", i / 5);
            var at = start.AddSeconds(15 * turn);
            var request = Controller.Testing.TestMessages.Request(device, $"{device}-d{turn / 8}", turn % 8) with
            {
                RequestedAt = at,
                LatencySloMs = 20_000,
            };
            request = request with { Modalities = [.. request.Modalities.Take(1 + (i % 3))] };
            var heartbeat = Controller.Testing.TestMessages.Heartbeat(device) with
            {
                SentAt = at,
                UplinkMbps = 5 + (45 * random.NextDouble()),
                RttMs = 10 + (190 * random.NextDouble()),
            };
            var context = new PlacementContext(request, heartbeat, new BudgetState(30_000, 0.05 * random.NextDouble(), 300 * random.NextDouble()));
            var choice = baseline.Decide(context, random);
            var vectors = DecisionVectors.Encode(context, problem)!.Value;
            double Noisy(double x) => x * (0.8 + (0.4 * random.NextDouble()));
            var id = Guid.NewGuid();
            db.Decisions.Add(new DecisionEntity
            {
                DecisionId = id,
                RequestId = request.RequestId,
                DeviceId = device,
                DialogueId = request.DialogueId,
                Turn = request.Turn,
                TaskCategory = request.TaskCategory,
                Location = choice.Location.ToString(),
                UploadModalityIds = [.. choice.UploadModalityIds],
                DraftLength = choice.DraftLength,
                ActionIndex = choice.ActionIndex,
                Propensity = choice.Propensity,
                PolicyName = baseline.Name,
                PolicyVersion = baseline.Version,
                DecidedAt = at,
                ExpiresAt = at.AddSeconds(30),
                RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
                Observation = vectors.Observation,
                ActionMask = vectors.Mask,
                Outcome = new OutcomeEntity
                {
                    DecisionId = id,
                    DeviceId = device,
                    ExecutedLocation = choice.Location.ToString(),
                    ExecutedModalityIds = [.. choice.UploadModalityIds],
                    ExecutedDraftLength = choice.DraftLength,
                    TotalLatencyMs = Noisy(choice.Expected.LatencyMs),
                    TimeToFirstTokenMs = 300,
                    TokensGenerated = 100,
                    DeviceEnergyJoules = Noisy(choice.Expected.DeviceEnergyJoules),
                    CloudCostUsd = Noisy(choice.Expected.CloudCostUsd),
                    QualityScore = Math.Clamp(0.6 + ((random.NextDouble() - 0.5) * 0.2), 0, 1),
                    ReportedAt = at.AddSeconds(3),
                    ReceivedAt = at.AddSeconds(3),
                },
            });
        }

        await db.SaveChangesAsync();
    }

    private static DecisionEntity Decision(string device, string dialogue, int turn, DateTimeOffset at, int action, Random random, float[]? observation, bool[]? mask, bool baseline)
    {
        var composite = Space.Decode(action);
        var request = new RequestPlacement
        {
            SchemaVersion = SchemaVersions.Current,
            RequestId = Guid.NewGuid(),
            DeviceId = device,
            DialogueId = dialogue,
            Turn = turn,
            TaskCategory = EdgeCloudProblem.Tasks[0],
            Modalities = [],
            PromptTokens = 100,
            ExpectedOutputTokens = 100,
            LatencySloMs = 20_000,
            RequestedAt = at,
        };
        var (quality, energy, spend, latency) = Mean(action);
        double Noisy(double x) => x * (0.8 + (0.4 * random.NextDouble()));
        var id = Guid.NewGuid();
        return new DecisionEntity
        {
            DecisionId = id,
            RequestId = request.RequestId,
            DeviceId = device,
            DialogueId = dialogue,
            Turn = turn,
            TaskCategory = request.TaskCategory,
            Location = composite.Location.ToString(),
            DraftLength = composite.DraftLength,
            ActionIndex = action,
            Propensity = 1.0 / 3,
            PolicyName = baseline ? "baseline-greedy" : "logger",
            PolicyVersion = baseline ? "1" : "v0",
            DecidedAt = at,
            ExpiresAt = at.AddSeconds(30),
            RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
            Observation = DecisionVectors.Observation(observation),
            ActionMask = DecisionVectors.Mask(mask),
            Outcome = new OutcomeEntity
            {
                DecisionId = id,
                DeviceId = device,
                ExecutedLocation = composite.Location.ToString(),
                ExecutedDraftLength = composite.DraftLength,
                TotalLatencyMs = Noisy(latency),
                TimeToFirstTokenMs = 300,
                TokensGenerated = 100,
                DeviceEnergyJoules = Noisy(energy),
                CloudCostUsd = Noisy(spend),
                QualityScore = Math.Clamp(quality + ((random.NextDouble() - 0.5) * 0.2), 0, 1),
                ReportedAt = at.AddSeconds(3),
                ReceivedAt = at.AddSeconds(3),
            },
        };
    }
}
