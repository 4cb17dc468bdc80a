using System.CommandLine;
using System.Globalization;
using Controller.Cli.Parsing;
using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Cli.Jobs;

/// <summary>
/// The options <c>train</c> and <c>evaluate</c> share: which dataset, device, network, budgets and reward.
/// Every bad value fails with one line naming the option, before any training or evaluation starts.
/// </summary>
internal sealed class TmoProblemOptions
{
    public Option<string> Env { get; } = new("--env") { Description = "Environment: m4a1 (TMO's logged dataset; needs --dataset), synthetic (TMO's generator) or edge-cloud (placement, uploads and draft length on channel traces; see --budget-energy and the other edge-cloud options).", DefaultValueFactory = _ => "m4a1" };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "m4a1: path to M4A1.json. synthetic: optional scenario file from datasets/ (else the --modalities/--tasks/--turns options)." };

    // The synthetic limits are SyntheticScenario.Validated's, checked here so the error names the option.
    public Option<int> Modalities { get; } = new Option<int>("--modalities") { Description = "synthetic: modalities per turn (1..10).", DefaultValueFactory = _ => 3 }.Within(1, 10);

    public Option<int> Tasks { get; } = new Option<int>("--tasks") { Description = "synthetic: number of tasks (1..64).", DefaultValueFactory = _ => 4 }.Within(1, 64);

    public Option<int> Turns { get; } = new Option<int>("--turns") { Description = "synthetic: most turns per dialogue (1..15; fewest is 2).", DefaultValueFactory = _ => 5 }.Within(1, 15);

    public Option<int> Dialogues { get; } = new Option<int>("--dialogues") { Description = "synthetic: number of dialogues (2..1000000).", DefaultValueFactory = _ => 100 }.Within(2, 1_000_000);

    public Option<int> DataSeed { get; } = new("--data-seed") { Description = "synthetic: seed of the generator.", DefaultValueFactory = _ => 0 };

    public Option<string?> Network { get; } = new("--network") { Description = "Network profile. m4a1 and synthetic: wired, wifi, 5g, 4g or linear (default wired for m4a1, linear for synthetic); " + EdgeCloudOptions.NetworkHelp + "." };

    public Option<string> Device { get; } = new("--device") { Description = $"Device profile. m4a1 and synthetic: {string.Join(", ", TmoDeviceProfile.All.Select(d => d.Name))}; {EdgeCloudOptions.DeviceHelp}.", DefaultValueFactory = _ => TmoDeviceProfile.Default.Name };

    public Option<double> BudgetLatency { get; } = new Option<double>("--budget-latency") { Description = "Per-dialogue latency budget, seconds (> 0, and enough for the longest dialogue).", DefaultValueFactory = _ => 30.0 }.PositiveFinite();

    public Option<double> BudgetUsage { get; } = new Option<double>("--budget-usage") { Description = "Per-dialogue usage budget, US dollars (> 0, and enough for the longest dialogue).", DefaultValueFactory = _ => 0.05 }.PositiveFinite();

    public Option<string?> Weights { get; } = WeightsOption();

    public Option<string> Split { get; } = OneOf("--split", "How each seed splits the dialogues: python (TMO's random.seed(s); random.shuffle, default) or dotnet (new Random(seed), earlier runs).", "python", "dotnet");

    public Option<string> KnnTies { get; } = OneOf("--knn-ties", "R̂ estimator's ties at the 5th distance: exact (exactly 5, lexicographic order of the training pairs, TMO's, default) or all (every tied point, earlier runs).", "exact", "all");

    public IEnumerable<Option> All => [Env, Dataset, Modalities, Tasks, Turns, Dialogues, DataSeed, Network, Device, BudgetLatency, BudgetUsage, Weights, Split, KnnTies];

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
            _ => throw new ArgumentException($"unknown --env '{env}'; use m4a1, synthetic or {EdgeCloudOptions.EnvName}"),
        };
    }

    public TmoNetworkProfile ResolveNetwork(ParseResult parse, TmoDataset dataset) =>
        Options.Named(Network.Name, () => TmoNetworkProfile.Get(parse.GetValue(Network) ?? (dataset.IsSynthetic ? "linear" : "wired")));

    public TmoDeviceProfile ResolveDevice(ParseResult parse) => Options.Named(Device.Name, () => TmoDeviceProfile.Get(parse.GetValue(Device)!));

    /// <summary>
    /// Budgets and weights; observation and masking are set by the caller. Refuses budgets that Local, the
    /// fallback the budget mask reserves for later turns, overruns on the longest dialogue of <paramref name="dataset"/>.
    /// </summary>
    public TmoEnvironmentOptions ResolveOptions(ParseResult parse, TmoDataset dataset)
    {
        var options = new TmoEnvironmentOptions
        {
            LatencyBudgetS = parse.GetValue(BudgetLatency),
            UsageBudgetUsd = parse.GetValue(BudgetUsage),
            Reward = parse.GetValue(Weights) is { } text ? ParseWeights(text) : RewardWeights.Default,
            Split = parse.GetValue(Split) == "dotnet" ? SplitRule.DotNet : SplitRule.Python,
            NeighbourTies = parse.GetValue(KnnTies) == "all" ? NeighbourTies.All : NeighbourTies.Exact,
        }.Validated();
        var device = ResolveDevice(parse);
        var network = ResolveNetwork(parse, dataset);
        var costs = Options.Named(Network.Name, () => new CostProfile(new ModalityActionSpace(dataset.ModalityCount), device, network));
        var local = $"Local on {device.Name}";
        RequireLocalFits(BudgetLatency.Name, options.LatencyBudgetS, "s", dataset.MaxTurns, costs.LatencyS(ModalityActionSpace.Local), local, "takes");
        RequireLocalFits(BudgetUsage.Name, options.UsageBudgetUsd, "$", dataset.MaxTurns, costs.UsageUsd(ModalityActionSpace.Local), local, "costs");
        return options;
    }

    private static void RequireLocalFits(string option, double budget, string unit, int turns, double perTurn, string local, string verb)
    {
        var least = turns * perTurn;
        if (BudgetComparison.Over(least, budget))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{option} {budget:G4} {unit} is infeasible: the longest dialogue has {turns} turns and {local} {verb} {perTurn:G4} {unit} per turn, so the budget must be at least {CeilingSignificant(least, 3):G3} {unit}"));
        }
    }

    /// <summary><paramref name="value"/> rounded up to <paramref name="digits"/> significant digits, so the suggested budget suffices.</summary>
    private static double CeilingSignificant(double value, int digits)
    {
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(value)));
        return Math.Ceiling((value * scale) - 1e-9) / scale;
    }

    private static Option<string> OneOf(string name, string description, string defaultValue, string other)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(defaultValue, other);
        return option;
    }

    private static Option<string?> WeightsOption()
    {
        var option = new Option<string?>("--reward-weights") { Description = "α,β_A,β_L,β_U of r = α·R̂ + β_A·Ā − β_L·L̄ − β_U·Ū (default TMO's 1,1/3,1/3,1/3)." };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token, ..])
            {
                try
                {
                    ParseWeights(token.Value);
                }
                catch (ArgumentException ex)
                {
                    result.AddError(ex.Message);
                }
            }
        });
        return option;
    }

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
