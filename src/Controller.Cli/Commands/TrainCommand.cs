using System.CommandLine;
using Controller.Cli.Backends;
using Controller.Cli.Jobs;
using Controller.Cli.Parsing;
using Controller.Learning.Algorithms;
using Controller.Training.EdgeCloud.Evaluation;
using Controller.Training.Tmo.Environments;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Cli.Commands;

/// <summary><c>controller train</c>: learns a TMO offloading policy and writes its bundle and learning curve.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var problem = new TmoProblemOptions();
        var algorithm = new Option<string>("--algo") { Description = $"Learner: {string.Join(", ", LearnerKind.Names)} (rc-ppo when --env edge-cloud and no --algo is given).", DefaultValueFactory = _ => "rc-a2c" };
        var steps = new Option<long>("--steps") { Description = "Environment steps per run, ≥ 1 (TMO: 30,000).", DefaultValueFactory = _ => 30_000 }.Within(1);
        var seed = new Option<int>("--seed") { Description = "Seed of the split, network and environment, ≥ 0.", DefaultValueFactory = _ => 0 }.Within(0);
        var seeds = new Option<string?>("--seeds") { Description = "Train one policy per seed instead of --seed, e.g. 0-19 or 0,2,5-7 (evaluate then uses seed-N for seed N)." };
        seeds.Validators.Add(SeedList.Validate);
        var output = new Option<string>("--out") { Description = "Policy directory, e.g. policies/rc-a2c-4g; bundles go to OUT/seed-N.", Required = true };
        var observation = new Option<TmoObservationMode>("--observation") { Description = "m4a1 and synthetic: improvedwithrewards (normalised history, remaining budgets and every action's estimated one-step reward), improved (the same without the estimates) or reference (TMO's raw 25 numbers).", DefaultValueFactory = _ => TmoObservationMode.ImprovedWithRewards };
        var history = new Option<string>("--history") { Description = "m4a1 and synthetic: own (the agent's own history) or logged (TMO's training).", DefaultValueFactory = _ => "own" };
        var mask = new Option<bool>("--mask") { Description = "Mask actions that would overrun a remaining budget: on by default, --mask false turns it off.", DefaultValueFactory = _ => true };
        string[] backendNames = [LearnerCatalog.AutoBackendName, .. LearnerCatalog.BackendNames];
        var backend = new Option<string>("--backend")
        {
            Description = "Where the updates run: managed (the C# core), torchsharp (LibTorch via TorchSharp; built and loaded on first use, " +
                "a 600 MB download the first time) or auto (the faster one for the network size: managed for the 64-64 networks these trainers use). " +
                "Same algorithms, metrics and bundle format.",
            DefaultValueFactory = _ => LearnerCatalog.AutoBackendName,
        };
        backend.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!backendNames.Contains(value))
            {
                result.AddError($"--backend must be one of {string.Join(", ", backendNames)}; got '{value}'");
            }
        });
        var edgeCloud = new EdgeCloudOptions();
        var command = new Command("train", "Train an offloading policy (PPO/A2C/DQN or their resource-constrained forms) on TMO's problem or, with --env edge-cloud, the edge-cloud speculative decoding problem.") { algorithm, steps, seed, seeds, output, observation, history, mask, backend };
        foreach (var option in problem.All.Concat(edgeCloud.All).Append(edgeCloud.DraftActions).Append(edgeCloud.PlannerPrior))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            // Both trainers train the default 64-64 networks (PpoHyperparameters, A2cHyperparameters and DqnHyperparameters alike).
            var backendName = parse.GetValue(backend)!;
            backendName = backendName == LearnerCatalog.AutoBackendName ? LearnerCatalog.DefaultBackendFor(new PpoHyperparameters().Hidden) : backendName;
            if (backendName == LearnerCatalog.TorchSharpBackendName)
            {
                TorchSharpBackendLoader.Load(threads: 1, Console.Out);
            }

            if (EdgeCloudOptions.Selected(parse, problem.Env))
            {
                var environment = edgeCloud.Resolve(parse, problem.Network, problem.Device, mask);
                var algorithmName = EdgeCloudOptions.IsImplicit(parse, algorithm) ? "rc-ppo" : parse.GetValue(algorithm)!;
                var root = Path.GetFullPath(parse.GetValue(output)!);
                var draftActions = edgeCloud.ResolveDraftActions(parse);
                var plannerPrior = edgeCloud.ResolvePlannerPrior(parse);
                var runs = (parse.GetValue(seeds) is { } list ? SeedList.Parse(list) : [parse.GetValue(seed)])
                    .Select(s => new EdgeCloudTrainingRequest(LearnerKind.Parse(algorithmName), environment, parse.GetValue(steps), s,
                        Path.GetDirectoryName(root)!, Path.GetFileName(root), draftActions, plannerPrior, backendName))
                    .ToList();
                OutputBundles.RefuseExisting(output.Name, root, runs.Select(r => r.Seed));
                TrainJob.Run(runs, ct);
                return Task.FromResult(0);
            }

            // Options that only the edge-cloud learner reads would otherwise be dropped without a word.
            foreach (var edgeCloudOnly in new Option[] { edgeCloud.DraftActions, edgeCloud.PlannerPrior }.Concat(edgeCloud.All))
            {
                if (!EdgeCloudOptions.IsImplicit(parse, edgeCloudOnly))
                {
                    throw new ArgumentException($"{edgeCloudOnly.Name} applies only to --env edge-cloud");
                }
            }

            var dataset = problem.LoadDataset(parse);
            var outputPath = Path.GetFullPath(parse.GetValue(output)!);
            var historyText = parse.GetValue(history)!.ToLowerInvariant();
            if (historyText is not ("own" or "logged"))
            {
                throw new ArgumentException($"--history must be own or logged, got '{historyText}'");
            }

            var options = problem.ResolveOptions(parse, dataset) with
            {
                Observation = parse.GetValue(observation),
                UseLoggedHistory = historyText == "logged",
                MaskOverBudget = parse.GetValue(mask),
            };
            var seedList = parse.GetValue(seeds) is { } text ? SeedList.Parse(text) : [parse.GetValue(seed)];
            var learner = Options.Named(algorithm.Name, () => LearnerKind.Parse(parse.GetValue(algorithm)!));
            OutputBundles.RefuseExisting(output.Name, outputPath, seedList);
            var requests = seedList.Select(s => new TmoTrainingRequest(
                dataset,
                learner,
                problem.ResolveDevice(parse),
                problem.ResolveNetwork(parse, dataset),
                options,
                parse.GetValue(steps),
                s,
                Path.GetDirectoryName(outputPath)!,
                Path.GetFileName(outputPath),
                backendName)).ToList();
            TrainJob.Run(requests, ct);
            return Task.FromResult(0);
        });
        return command;
    }
}
