using global::TorchSharp.Modules;
using static global::TorchSharp.torch;

namespace Controller.Learning.TorchSharp;

/// <summary>The optimisers the updaters build, in one place so the fixture tests check exactly these settings.</summary>
internal static class TorchOptimizers
{
    /// <summary><c>torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps)</c>, as SB3 builds PPO's and DQN's.</summary>
    public static optim.Optimizer Adam(IEnumerable<Parameter> parameters, double learningRate, double epsilon) =>
        optim.Adam(parameters, learningRate, beta1: 0.9, beta2: 0.999, eps: epsilon);

    /// <summary><c>torch.optim.RMSprop(params, lr, alpha, eps)</c> (no momentum, not centred), as SB3 builds A2C's.</summary>
    public static optim.Optimizer RmsProp(IEnumerable<Parameter> parameters, double learningRate, double alpha, double epsilon) =>
        optim.RMSProp(parameters, learningRate, alpha: alpha, eps: epsilon);
}
