using System.CommandLine;
using System.Globalization;
using Controller.Offloading.Datasets;
using Controller.Offloading.Tmo;

namespace Controller.Cli.Jobs;

/// <summary>The options <c>train</c> and <c>evaluate</c> share: which dataset, device, network, budgets and reward.</summary>
internal sealed class TmoProblemOptions
{
    public Option<string> Env { get; } = new("--env") { Description = "Environment: m4a1 (logged dataset) or synthetic (TMO's generator).", DefaultValueFactory = _ => "m4a1" };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "m4a1: path to M4A1.json. synthetic: optional scenario file from datasets/ (else the --modalities/--tasks/--turns options)." };

    public Option<int> Modalities { get; } = new("--modalities") { Description = "synthetic: modalities per turn.", DefaultValueFactory = _ => 3 };

    public Option<int> Tasks { get; } = new("--tasks") { Description = "synthetic: number of tasks.", DefaultValueFactory = _ => 4 };

    public Option<int> Turns { get; } = new("--turns") { Description = "synthetic: most turns per dialogue (fewest is 2).", DefaultValueFactory = _ => 5 };

    public Option<int> Dialogues { get; } = new("--dialogues") { Description = "synthetic: number of dialogues.", DefaultValueFactory = _ => 100 };

    public Option<int> DataSeed { get; } = new("--data-seed") { Description = "synthetic: seed of the generator.", DefaultValueFactory = _ => 0 };

    public Option<string?> Network { get; } = new("--network") { Description = "Network profile: wired, wifi, 5g, 4g, linear (default wired for m4a1, linear for synthetic)." };

    public Option<string> Device { get; } = new("--device") { Description = $"Device profile: {string.Join(", ", TmoDeviceProfile.All.Select(d => d.Name))}.", DefaultValueFactory = _ => TmoDeviceProfile.Default.Name };

    public Option<double> BudgetLatency { get; } = new("--budget-latency") { Description = "Per-dialogue latency budget, seconds.", DefaultValueFactory = _ => 30.0 };

    public Option<double> BudgetUsage { get; } = new("--budget-usage") { Description = "Per-dialogue usage budget, US dollars.", DefaultValueFactory = _ => 0.05 };

    public Option<string> Weights { get; } = new("--reward-weights") { Description = "α,β_A,β_L,β_U of r = α·R̂ + β_A·Ā − β_L·L̄ − β_U·Ū.", DefaultValueFactory = _ => "1,0.3333333333,0.3333333333,0.3333333333" };

    public IEnumerable<Option> All => [Env, Dataset, Modalities, Tasks, Turns, Dialogues, DataSeed, Network, Device, BudgetLatency, BudgetUsage, Weights];

    /// <summary>Loads or generates the dataset the options name.</summary>
    public TmoDataset LoadDataset(ParseResult parse)
    {
        var env = parse.GetValue(Env)!.ToLowerInvariant();
        var path = parse.GetValue(Dataset);
        return env switch
        {
            "m4a1" => TmoDataset.LoadM4A1(path ?? throw new ArgumentException("--env m4a1 needs --dataset PATH to M4A1.json (data/M4A1.json of the TMO repository)")),
            "synthetic" when path is not null => SyntheticDatasetFile.Load(path),
            "synthetic" => SyntheticGenerator.Generate(new SyntheticScenario(
                parse.GetValue(Modalities), parse.GetValue(Tasks), Math.Min(2, parse.GetValue(Turns)), parse.GetValue(Turns), parse.GetValue(Dialogues), parse.GetValue(DataSeed))),
            _ => throw new ArgumentException($"unknown --env '{env}'; use m4a1 or synthetic"),
        };
    }

    public TmoNetworkProfile ResolveNetwork(ParseResult parse, TmoDataset dataset) =>
        TmoNetworkProfile.Get(parse.GetValue(Network) ?? (dataset.IsSynthetic ? "linear" : "wired"));

    public TmoDeviceProfile ResolveDevice(ParseResult parse) => TmoDeviceProfile.Get(parse.GetValue(Device)!);

    /// <summary>Budgets and weights; observation and masking are set by the caller.</summary>
    public TmoEnvironmentOptions ResolveOptions(ParseResult parse) => new TmoEnvironmentOptions
    {
        LatencyBudgetS = parse.GetValue(BudgetLatency),
        UsageBudgetUsd = parse.GetValue(BudgetUsage),
        Reward = ParseWeights(parse.GetValue(Weights)!),
    }.Validated();

    private static RewardWeights ParseWeights(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (values.Length != 4 || values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"--reward-weights must be four numbers α,β_A,β_L,β_U; got '{text}'");
        }

        return new RewardWeights(values[0], values[1], values[2], values[3]);
    }
}
