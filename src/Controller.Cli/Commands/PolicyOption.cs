using System.CommandLine;
using Controller.Service.Policies;

namespace Controller.Cli.Commands;

/// <summary><c>--policy</c> of <c>serve</c> and <c>demo</c>: the shipped learned policy unless told otherwise.</summary>
internal static class PolicyOption
{
    public static Option<string> Create() => new("--policy")
    {
        Description = $"Starting policy: {InitialPolicy.Default} (the shipped RC-PPO bundle policies/edge-cloud-rc-ppo-800/seed-0), "
            + $"{InitialPolicy.Baseline} (the rule), or a bundle directory; sets Decision:Policy.",
        DefaultValueFactory = _ => InitialPolicy.Default,
    };
}
