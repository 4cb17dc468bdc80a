using Controller.Learning.Algorithms;
using Controller.Learning.Backends;
using Controller.Learning.Nn;
using Controller.Learning.TorchSharp.Native;
using static global::TorchSharp.torch;

namespace Controller.Learning.TorchSharp;

/// <summary>
/// The TorchSharp (LibTorch 2.10 CPU) backend: PPO, A2C and DQN updates in libtorch with autograd and <c>torch.optim</c>,
/// behind <see cref="ITrainingBackend"/>. <see cref="Load"/> adapts the native wrapper where the host needs it
/// (<see cref="LibTorchSharpAdaptation"/>), initialises libtorch and sets its thread count.
/// </summary>
public sealed class TorchSharpBackend : ITrainingBackend, IInferenceBackend
{
    private static readonly object Gate = new();
    private static TorchSharpBackend? _loaded;

    private TorchSharpBackend(string adaptation, string libTorchVersion)
    {
        Adaptation = adaptation;
        LibTorchVersion = libTorchVersion;
    }

    public string Name => LearnerCatalog.TorchSharpBackendName;

    /// <summary>What <see cref="LibTorchSharpAdaptation"/> found and did, one line.</summary>
    public string Adaptation { get; }

    /// <summary>The LibTorch version TorchSharp was built against, e.g. <c>2.10.0</c>.</summary>
    public string LibTorchVersion { get; }

    /// <summary>
    /// Adapts (where needed) and initialises libtorch once per process, then sets its intra-op thread count to
    /// <paramref name="threads"/> (1 by default: the networks here are small, and one thread keeps runs reproducible).
    /// </summary>
    /// <exception cref="InvalidOperationException">libtorch does not load; the message names the library and the cause.</exception>
    public static TorchSharpBackend Load(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            if (_loaded is null)
            {
                var adaptation = LibTorchSharpAdaptation.AdaptBesideTorchSharp();
                try
                {
                    InitializeDeviceType(global::TorchSharp.DeviceType.CPU);
                }
                catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
                {
                    throw new InvalidOperationException($"libtorch did not load ({adaptation}): {e.GetBaseException().Message}", e);
                }

                _loaded = new TorchSharpBackend(adaptation, __version__);
            }

            set_num_threads(threads);
            return _loaded;
        }
    }

    public IActorCriticUpdater CreatePpoUpdater(ActorCritic model, PpoHyperparameters hyperparameters) => new TorchActorCriticUpdater(model, hyperparameters);

    public IActorCriticUpdater CreateA2cUpdater(ActorCritic model, A2cHyperparameters hyperparameters) => new TorchActorCriticUpdater(model, hyperparameters);

    public IQNetworkUpdater CreateDqnUpdater(Mlp qNetwork, DqnHyperparameters hyperparameters) => new TorchQNetworkUpdater(qNetwork, hyperparameters);

    public IPolicyForward CreateForward(Mlp network) => new TorchPolicyForward(network);
}
