using System.CommandLine;
using Controller.Cli.Jobs;
using Controller.Offloading.Evaluation;

namespace Controller.Cli.Commands;

/// <summary><c>controller evaluate</c>: compares trained policies and baselines on a TMO dataset over seeds.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var problem = new TmoProblemOptions();
        var policies = new Option<string[]>("--policy") { Description = "Policy directories written by 'controller train' (one or more).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var baselines = new Option<string>("--baselines") { Description = $"all, none, or a comma list of: {string.Join(", ", BaselineCatalog.Names)}.", DefaultValueFactory = _ => "all" };
        var seeds = new Option<string>("--seeds") { Description = "Split seeds, e.g. 0-19.", DefaultValueFactory = _ => "0-19" };
        var output = new Option<string?>("--out") { Description = "Directory for results.csv/json/md and SVG charts (default results/ENV-NETWORK)." };
        var json = new Option<bool>("--json") { Description = "Print the table as JSON on the last line." };
        var command = new Command("evaluate", "Evaluate TMO policies and baselines: reward, score, association, latency, usage, budget violations.") { policies, baselines, seeds, output, json };
        foreach (var option in problem.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            var dataset = problem.LoadDataset(parse);
            var network = problem.ResolveNetwork(parse, dataset);
            var settings = new EvaluationSettings(SeedList.Parse(parse.GetValue(seeds)!), problem.ResolveDevice(parse), network, problem.ResolveOptions(parse));
            var policyDirectories = parse.GetValue(policies) ?? [];
            var methods = policyDirectories.Select(LearnedPolicyMethods.Create).Concat(BaselineCatalog.Resolve(parse.GetValue(baselines)!)).ToList();
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
