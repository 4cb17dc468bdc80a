using System.CommandLine;
using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Training.EdgeCloud.Environments;
using Controller.Offloading.EdgeCloud.Problem;

namespace Controller.Cli.Jobs;

/// <summary>
/// The options of <c>train</c> and <c>evaluate</c> that only <c>--env edge-cloud</c> reads, and how the shared
/// ones (<c>--network</c>, <c>--device</c>, <c>--mask</c>) are read for it. Every bad value fails with one line
/// naming the option.
/// </summary>
internal sealed class EdgeCloudOptions
{
    /// <summary>The <c>--env</c> value that selects the edge–cloud environment.</summary>
    public const string EnvName = "edge-cloud";

    public Option<double> BudgetEnergy { get; } = new("--budget-energy") { Description = "edge-cloud: device energy budget per window, joules.", DefaultValueFactory = _ => 2_000 };

    public Option<double> BudgetSpend { get; } = new("--budget-spend") { Description = "edge-cloud: cloud spend budget per window, US dollars.", DefaultValueFactory = _ => 0.10 };

    public Option<double> SloMs { get; } = new("--slo-ms") { Description = "edge-cloud: latency SLO per request, milliseconds.", DefaultValueFactory = _ => 20_000 };

    public Option<double> SloMisses { get; } = new("--slo-misses") { Description = "edge-cloud: SLO misses allowed per window (the SLO budget).", DefaultValueFactory = _ => new EdgeCloudEnvironmentOptions().SloMissesPerWindow };

    public Option<double> WindowSeconds { get; } = new("--window-seconds") { Description = "edge-cloud: length of one budget window (one episode), seconds.", DefaultValueFactory = _ => 600 };

    public Option<int> MaxDraft { get; } = new("--max-draft") { Description = "edge-cloud: K, the longest draft length (1..16).", DefaultValueFactory = _ => 8 };

    public Option<string> Thermal { get; } = new("--thermal") { Description = "edge-cloud: on (the SoC heats and throttles) or off.", DefaultValueFactory = _ => "on" };

    /// <summary>Train only: how the learner's speculative actions name the draft length.</summary>
    public Option<string> DraftActions { get; } = new("--draft-actions")
    {
        Description = "edge-cloud train: relative (speculative actions are offsets from the planner's channel-aware k*) or absolute (k itself).",
        DefaultValueFactory = _ => "relative",
    };

    /// <summary>Train only: β of the planner prior PPO and A2C add to their logits.</summary>
    public Option<double> PlannerPrior { get; } = new("--planner-prior")
    {
        Description = "edge-cloud train (PPO, A2C): β of the planner's prior, added to the policy's logits as β·ln(expected rate / best expected rate), so the network learns a correction to the one-step planner; 0 for none, at most 100. RC-DQN ignores it (Q-values have no logits).",
        DefaultValueFactory = _ => Training.EdgeCloud.Evaluation.EdgeCloudTrainer.DefaultPriorSharpness,
    };

    public IEnumerable<Option> All => [BudgetEnergy, BudgetSpend, SloMs, SloMisses, WindowSeconds, MaxDraft, Thermal];

    /// <summary>True when <paramref name="env"/> selects the edge–cloud environment.</summary>
    public static bool Selected(ParseResult parse, Option<string> env) =>
        string.Equals(parse.GetValue(env)?.Trim(), EnvName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The environment options the command line describes.</summary>
    /// <exception cref="ArgumentException">A bad value; the message names the option.</exception>
    public EdgeCloudEnvironmentOptions Resolve(ParseResult parse, Option<string?> network, Option<string> device, Option<bool>? mask)
    {
        var thermal = parse.GetValue(Thermal)!.Trim().ToLowerInvariant() switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--thermal must be on or off, got '{other}'"),
        };
        var options = new EdgeCloudEnvironmentOptions
        {
            Networks = ParseNetworks(parse.GetValue(network)),
            Devices = ParseDevices(IsImplicit(parse, device) ? null : parse.GetValue(device)),
            EnergyBudgetJoules = Positive(parse.GetValue(BudgetEnergy), "--budget-energy"),
            SpendBudgetUsd = Positive(parse.GetValue(BudgetSpend), "--budget-spend"),
            LatencySloMs = Positive(parse.GetValue(SloMs), "--slo-ms"),
            SloMissesPerWindow = Positive(parse.GetValue(SloMisses), "--slo-misses"),
            WindowSeconds = Positive(parse.GetValue(WindowSeconds), "--window-seconds"),
            MaxDraftLength = parse.GetValue(MaxDraft) is var k and >= 1 and <= 16 ? k : throw new ArgumentException($"--max-draft must lie in 1..16, got {parse.GetValue(MaxDraft)}"),
            MaskOverBudget = mask is null || parse.GetValue(mask),
            Thermal = thermal,
        };
        return options.Validated();
    }

    /// <summary>The <c>--draft-actions</c> value.</summary>
    /// <exception cref="ArgumentException">Neither relative nor absolute.</exception>
    public DraftLengthActions ResolveDraftActions(ParseResult parse) => parse.GetValue(DraftActions)!.Trim().ToLowerInvariant() switch
    {
        "relative" => DraftLengthActions.RelativeToPlanner,
        "absolute" => DraftLengthActions.Absolute,
        var other => throw new ArgumentException($"--draft-actions must be relative or absolute, got '{other}'"),
    };

    /// <summary>The <c>--planner-prior</c> value.</summary>
    /// <exception cref="ArgumentException">Negative or not finite.</exception>
    public double ResolvePlannerPrior(ParseResult parse) => parse.GetValue(PlannerPrior) is var beta && Controller.Offloading.EdgeCloud.Problem.PlannerPrior.IsValidSharpness(beta)
        ? beta
        : throw new ArgumentException($"--planner-prior must lie in 0..{Controller.Offloading.EdgeCloud.Problem.PlannerPrior.MaxSharpness}, got {parse.GetValue(PlannerPrior)}");

    /// <summary>
    /// <c>generated</c> → null (generated traces); an existing directory → itself; the default
    /// <c>datasets/edge-cloud</c> is also searched upwards from the working directory and the executable.
    /// </summary>
    public static string? ResolveTraces(string text)
    {
        if (text.Trim().Equals("generated", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Directory.Exists(Path.Combine(text, "traces")))
        {
            return Path.GetFullPath(text);
        }

        if (text.TrimEnd('/') == "datasets/edge-cloud"
            && (Training.EdgeCloud.Evaluation.EdgeCloudWorld.FindShippedDataset(Directory.GetCurrentDirectory())
                ?? Training.EdgeCloud.Evaluation.EdgeCloudWorld.FindShippedDataset(AppContext.BaseDirectory)) is { } found)
        {
            return found;
        }

        throw new ArgumentException($"--traces '{text}' holds no traces/ folder; pass the repository's datasets/edge-cloud or 'generated'");
    }

    /// <summary>True when the option was not given on the command line (its default applies).</summary>
    public static bool IsImplicit(ParseResult parse, Option option) => parse.GetResult(option) is not { Implicit: false };

    /// <summary><c>mixed</c> (or nothing) → Wi-Fi, 5G, LTE and poor cell; else a comma list of wifi, 5g, lte, poor-cell, wired.</summary>
    public static IReadOnlyList<NetworkType> ParseNetworks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("mixed", StringComparison.OrdinalIgnoreCase))
        {
            return new EdgeCloudEnvironmentOptions().Networks;
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            NetworkNames.TryGetValue(name, out var type) || NetworkAliases.TryGetValue(name, out type)
                ? type
                : throw new ArgumentException($"--network '{name}' is not an edge-cloud network; use mixed or a comma list of {string.Join(", ", NetworkNames.Keys)}")).Distinct().ToList();
    }

    /// <summary>What <c>--network</c> accepts with <c>--env edge-cloud</c>, for the option's help.</summary>
    public static string NetworkHelp => $"edge-cloud: mixed (the default: {string.Join(", ", new EdgeCloudEnvironmentOptions().Networks.Select(NameOf))}) or a comma list of {string.Join(", ", NetworkNames.Keys)}";

    /// <summary>What <c>--device</c> accepts with <c>--env edge-cloud</c>, for the option's help.</summary>
    public static string DeviceHelp => $"edge-cloud: mixed (the default there, in place of the one shown: {string.Join(", ", new EdgeCloudEnvironmentOptions().Devices)}) or a comma list of {string.Join(", ", DeviceProfiles.Names)}";

    private static readonly Dictionary<string, NetworkType> NetworkNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wifi"] = NetworkType.WiFi,
        ["5g"] = NetworkType.FiveG,
        ["lte"] = NetworkType.Lte,
        ["poor-cell"] = NetworkType.PoorCell,
        ["wired"] = NetworkType.Wired,
    };

    // Accepted but not listed in the help.
    private static readonly Dictionary<string, NetworkType> NetworkAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["4g"] = NetworkType.Lte,
        ["poor"] = NetworkType.PoorCell,
    };

    private static string NameOf(NetworkType type) => NetworkNames.First(n => n.Value == type).Key;

    /// <summary><c>mixed</c> (or nothing) → the default phones; else a comma list of device classes.</summary>
    public static IReadOnlyList<string> ParseDevices(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("mixed", StringComparison.OrdinalIgnoreCase))
        {
            return new EdgeCloudEnvironmentOptions().Devices;
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            DeviceProfiles.TryGet(name, out var profile)
                ? profile.Name
                : throw new ArgumentException($"--device '{name}' is not an edge-cloud device class; use mixed or a comma list of {string.Join(", ", DeviceProfiles.Names)}")).Distinct().ToList();
    }

    private static double Positive(double value, string option) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentException($"{option} must be a finite number > 0, got {value}");
}
