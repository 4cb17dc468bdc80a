using System.CommandLine;
using Controller.Cli.Jobs;
using Controller.Cli.Parsing;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Cli.Commands;

/// <summary><c>controller evaluate</c>: compares trained policies and baselines on a TMO dataset over seeds.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var problem = new TmoProblemOptions();
        var policies = new Option<string[]>("--policy") { Description = "Policy directories written by 'controller train' (one or more; default none, baselines only).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var baselines = new Option<string>("--baselines") { Description = $"all, none, or a comma list of — TMO: {string.Join(", ", BaselineCatalog.Names)}; edge-cloud: {string.Join(", ", Training.EdgeCloud.Baselines.EdgeCloudBaselines.Names)}.", DefaultValueFactory = _ => "all" };
        var seeds = new Option<string>("--seeds") { Description = "Split seeds, e.g. 0-19 or 0,2,5-7.", DefaultValueFactory = _ => "0-19" };
        seeds.Validators.Add(SeedList.Validate);
        var output = new Option<string?>("--out") { Description = "Directory for results.csv/json/md and SVG charts (default results/ENV-NETWORK)." };
        var json = new Option<bool>("--json") { Description = "Print the table as JSON on the last line." };
        var edgeCloud = new EdgeCloudOptions();
        var devicesPerSeed = new Option<int>("--devices-per-seed") { Description = "edge-cloud: simulated devices per seed, ≥ 1.", DefaultValueFactory = _ => 8 };
        var traces = new Option<string>("--traces") { Description = "edge-cloud: directory of the shipped traces (datasets/edge-cloud, searched upwards from here) or 'generated'.", DefaultValueFactory = _ => "datasets/edge-cloud" };
        var windows = new Option<int>("--windows") { Description = "edge-cloud: consecutive budget windows per device, ≥ 1.", DefaultValueFactory = _ => 4 };
        var feasibility = new Option<string>("--feasibility") { Description = "edge-cloud: on (judge every window's feasibility by replaying simple plans; ≈ 9× the evaluation time) or off.", DefaultValueFactory = _ => "on" };
        var command = new Command("evaluate", "Evaluate policies and baselines over seeds: TMO's reward, score, latency, usage and budget violations, or with --env edge-cloud quality-weighted tokens/s, energy per token, budget violations and chosen k.") { policies, baselines, seeds, output, json, devicesPerSeed, windows, traces, feasibility };
        foreach (var option in problem.All.Concat(edgeCloud.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            if (EdgeCloudOptions.Selected(parse, problem.Env))
            {
                var count = parse.GetValue(devicesPerSeed) is var d and >= 1 ? d : throw new ArgumentException($"--devices-per-seed must be ≥ 1, got {parse.GetValue(devicesPerSeed)}");
                var perDevice = parse.GetValue(windows) is var w and >= 1 ? w : throw new ArgumentException($"--windows must be ≥ 1, got {parse.GetValue(windows)}");
                var environment = edgeCloud.Resolve(parse, problem.Network, problem.Device, mask: null);
                var judge = parse.GetValue(feasibility)!.Trim().ToLowerInvariant() switch
                {
                    "on" => true,
                    "off" => false,
                    var other => throw new ArgumentException($"--feasibility must be on or off, got '{other}'"),
                };
                var edgeSettings = new EdgeCloudEvaluationSettings(SeedList.Parse(parse.GetValue(seeds)!), environment, count, perDevice,
                    EdgeCloudOptions.ResolveTraces(parse.GetValue(traces)!)) { JudgeFeasibility = judge };
                var directory = parse.GetValue(output) ?? Path.Combine("results", $"edge-cloud-{parse.GetValue(problem.Network) ?? "mixed"}");
                var edgeReport = EdgeCloudEvaluateJob.Run(edgeSettings, parse.GetValue(policies) ?? [], parse.GetValue(baselines)!, directory, ct);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(EdgeCloudReportWriters.JsonText(edgeReport, includeSeeds: false, indented: false));
                }

                return Task.FromResult(0);
            }

            var dataset = problem.LoadDataset(parse);
            var network = problem.ResolveNetwork(parse, dataset);
            var settings = new EvaluationSettings(SeedList.Parse(parse.GetValue(seeds)!), problem.ResolveDevice(parse), network, problem.ResolveOptions(parse, dataset));
            var policyDirectories = parse.GetValue(policies) ?? [];
            var methods = policyDirectories.Select(LearnedPolicyMethods.Create).Concat(Options.Named(baselines.Name, () => BaselineCatalog.Resolve(parse.GetValue(baselines)!))).ToList();
            var outputDirectory = parse.GetValue(output) ?? Path.Combine("results", $"{parse.GetValue(problem.Env)}-{network.Name}");
            var report = EvaluateJob.Run(dataset, settings, methods, policyDirectories, outputDirectory, ct);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ReportWriters.JsonText(report, includeSeeds: false, indented: false));
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
