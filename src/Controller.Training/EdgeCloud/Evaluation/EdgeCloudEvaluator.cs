using System.Collections.Concurrent;
using System.Diagnostics;
using Controller.Contracts;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.EdgeCloud.Evaluation;

/// <summary>
/// Runs every method on the same simulated devices: for each seed, <see cref="EdgeCloudEvaluationSettings.DevicesPerSeed"/>
/// devices (each a seeded draw of device class, network, trace offset and warm-up, the same for every method),
/// each for <see cref="EdgeCloudEvaluationSettings.WindowsPerDevice"/> consecutive windows with one fresh policy
/// instance per device. The request sequence is identical across methods; what differs is only what the
/// methods' own choices change (device time, hence channel and heat). Seeds run in parallel. With
/// <see cref="EdgeCloudEvaluationSettings.JudgeFeasibility"/> every window is also judged from the method's own start
/// state (<see cref="EdgeCloudFeasibility"/>), so the report can separate windows no simple plan could keep within budget.
/// </summary>
public static class EdgeCloudEvaluator
{
    /// <summary>Runs the comparison; <paramref name="progress"/> receives one tick per (seed, method).</summary>
    public static EdgeCloudReport Run(EdgeCloudEvaluationSettings settings, IReadOnlyList<EdgeCloudMethod> methods,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(methods);
        if (settings.Seeds.Count == 0)
        {
            throw new ArgumentException("the evaluation needs at least one seed", nameof(settings));
        }

        if (methods.Count == 0)
        {
            throw new ArgumentException("the evaluation needs at least one method", nameof(methods));
        }

        if (settings.DevicesPerSeed < 1 || settings.WindowsPerDevice < 1)
        {
            throw new ArgumentException($"devices per seed and windows per device must be ≥ 1; got {settings.DevicesPerSeed} and {settings.WindowsPerDevice}", nameof(settings));
        }

        var duplicate = methods.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"method '{duplicate.Key}' appears twice", nameof(methods));
        }

        settings.Options.Validated();
        _ = EdgeCloudWorld.CreateEnvironment(settings.Options, settings.TracesDirectory);
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentBag<EdgeCloudSeedResult>();
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = System.Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(settings.Seeds, parallel, seed =>
        {
            foreach (var method in methods)
            {
                results.Add(RunMethod(settings, method, seed, cancellationToken));
                progress?.Report(Interlocked.Increment(ref done));
            }
        });

        var bySeed = results.OrderBy(r => r.Seed).ToList();
        var summaries = methods.Select(m => EdgeCloudMethodSummary.Of(m.Name, bySeed.Where(r => r.Method == m.Name).ToList(), settings.Options)).ToList();
        return new EdgeCloudReport(settings, summaries, bySeed, clock.Elapsed.TotalSeconds, EdgeCloudWorld.Describe(settings.TracesDirectory, settings.Options.Thermal))
        {
            Provenance = methods.Where(m => m.Provenance is not null).Select(m => $"{m.Name}: {m.Provenance}").ToList(),
        };
    }

    /// <summary>One method on one seed.</summary>
    public static EdgeCloudSeedResult RunMethod(EdgeCloudEvaluationSettings settings, EdgeCloudMethod method, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(method);
        var options = settings.Options;
        var environment = EdgeCloudWorld.CreateEnvironment(options, settings.TracesDirectory);
        var spec = environment.Spec;
        var observation = new float[spec.ObservationSize];
        var mask = new bool[spec.ActionCount];
        var costs = new float[spec.CostCount];
        var tally = new Tally(options.MaxDraftLength);
        // The feasibility judge replays windows on its own copy of the world, without the budget mask.
        var unmasked = settings.JudgeFeasibility
            ? EdgeCloudWorld.CreateEnvironment(options with { MaskOverBudget = false }, settings.TracesDirectory)
            : null;
        for (var device = 0; device < settings.DevicesPerSeed; device++)
        {
            var policy = method.Create(seed);
            var deviceSeed = EdgeCloudEvaluationSettings.DeviceSeed(seed, device);
            var history = new List<IReadOnlyList<int>>(settings.WindowsPerDevice);
            for (var window = 0; window < settings.WindowsPerDevice; window++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                environment.Reset(window == 0 ? deviceSeed : null, observation, mask);
                var startSpeed = environment.Decision.SpeedFactor;
                var actions = new List<int>();
                policy.BeginWindow(environment);
                var done = false;
                while (!done)
                {
                    var action = policy.ChooseAction(environment, observation, mask);
                    if ((uint)action >= (uint)mask.Length || !mask[action])
                    {
                        throw new InvalidOperationException($"{policy.Name} chose action {action}, which the mask forbids (seed {seed}, device {device}, window {window})");
                    }

                    actions.Add(action);
                    if (!policy.LastChoiceWasFallback)
                    {
                        tally.Gain.Add(environment.Decision, action);
                    }

                    done = environment.Step(action, observation, mask, costs).Done;
                    var outcome = environment.LastOutcome;
                    policy.Observe(environment, outcome);
                    tally.Add(outcome, policy.LastChoiceWasFallback);
                }

                var feasibility = unmasked is null ? null : EdgeCloudFeasibility.JudgeWindow(unmasked, deviceSeed, history);
                tally.EndWindow(environment, device, window, startSpeed, feasibility);
                history.Add(actions);
            }
        }

        return tally.Result(method.Name, seed, options);
    }

    private sealed class Tally(int maxDraftLength)
    {
        private readonly List<EdgeCloudWindowResult> _windows = [];
        private readonly Dictionary<NetworkType, long[]> _draftLengths = [];
        private double _rateSum;
        private double _weightedTokens;
        private int _fallbacks;
        private double _qualitySum;
        private double _tokens;
        private double _latencyS;
        private double _energy;
        private int _requests;
        private int _misses;
        private int _local;
        private int _cloud;
        private int _speculative;
        private double _draftSum;
        private int _chosenSpeculative;

        public SpeculativeDraftGain Gain { get; } = new(maxDraftLength);

        public void Add(in EdgeCloudStepOutcome outcome, bool fallback)
        {
            _requests++;
            _fallbacks += fallback ? 1 : 0;
            _rateSum += outcome.Rate;
            _weightedTokens += outcome.Quality * outcome.Tokens;
            _qualitySum += outcome.Quality;
            _tokens += outcome.Tokens;
            _latencyS += outcome.LatencyMs / 1_000;
            _energy += outcome.EnergyJoules;
            _misses += outcome.SloMiss ? 1 : 0;
            switch (outcome.Location)
            {
                case Location.Local:
                    _local++;
                    break;
                case Location.Cloud:
                    _cloud++;
                    break;
                default:
                    _speculative++;
                    if (fallback)
                    {
                        break;
                    }

                    _chosenSpeculative++;
                    _draftSum += outcome.DraftLength;
                    if (!_draftLengths.TryGetValue(outcome.Network, out var counts))
                    {
                        _draftLengths[outcome.Network] = counts = new long[maxDraftLength + 1];
                    }

                    counts[Math.Clamp(outcome.DraftLength, 0, maxDraftLength)]++;
                    break;
            }
        }

        public void EndWindow(EdgeCloudEnvironment environment, int device, int window, double startSpeed, EdgeCloudWindowFeasibility? feasibility)
        {
            var result = new EdgeCloudWindowResult(environment.WindowEnergyJoules, environment.WindowSpendUsd, environment.WindowRequests, environment.WindowSloMisses)
            {
                Device = device,
                Window = window,
                Network = environment.Network.Type,
                DeviceClass = environment.Device.Name,
                StartSpeedFactor = startSpeed,
            };
            _windows.Add(result with { Feasibility = feasibility?.WithWitness(result, environment.Options) });
        }

        public EdgeCloudSeedResult Result(string method, int seed, EdgeCloudEnvironmentOptions options)
        {
            var overEnergy = _windows.Where(w => w.EnergyJoules > options.EnergyBudgetJoules).ToList();
            var overSpend = _windows.Where(w => w.SpendUsd > options.SpendBudgetUsd).ToList();
            var overSlo = _windows.Where(w => w.SloMisses > options.SloMissesPerWindow).ToList();
            var n = (double)_windows.Count;
            var feasibility = EdgeCloudFeasibility.Shares(_windows, options);
            var metrics = new Dictionary<string, double>
            {
                [EdgeCloudMetrics.Rate] = _weightedTokens / _latencyS,
                [EdgeCloudMetrics.RatePerRequest] = _rateSum / _requests,
                [EdgeCloudMetrics.TokensPerSecond] = _tokens / _latencyS,
                [EdgeCloudMetrics.EnergyPerToken] = _energy / _tokens,
                [EdgeCloudMetrics.Quality] = _qualitySum / _requests,
                [EdgeCloudMetrics.EnergyPerWindow] = _windows.Average(w => w.EnergyJoules),
                [EdgeCloudMetrics.SpendPerWindow] = _windows.Average(w => w.SpendUsd),
                [EdgeCloudMetrics.OverEnergy] = overEnergy.Count / n,
                [EdgeCloudMetrics.OverSpend] = overSpend.Count / n,
                [EdgeCloudMetrics.OverSlo] = overSlo.Count / n,
                [EdgeCloudMetrics.OverAny] = _windows.Count(w => w.EnergyJoules > options.EnergyBudgetJoules || w.SpendUsd > options.SpendBudgetUsd
                    || w.SloMisses > options.SloMissesPerWindow) / n,
                [EdgeCloudMetrics.InfeasibleShare] = feasibility.InfeasibleShare,
                [EdgeCloudMetrics.OverAnyFeasible] = feasibility.OverAnyFeasibleShare,
                [EdgeCloudMetrics.EnergyInfeasibleShare] = feasibility.EnergyInfeasibleShare,
                [EdgeCloudMetrics.OverEnergyFeasible] = feasibility.OverEnergyFeasibleShare,
                [EdgeCloudMetrics.EnergyExcess] = overEnergy.Count == 0 ? 0 : overEnergy.Average(w => w.EnergyJoules - options.EnergyBudgetJoules),
                [EdgeCloudMetrics.SpendExcess] = overSpend.Count == 0 ? 0 : overSpend.Average(w => w.SpendUsd - options.SpendBudgetUsd),
                [EdgeCloudMetrics.SloExcess] = overSlo.Count == 0 ? 0 : overSlo.Average(w => w.SloMisses - options.SloMissesPerWindow),
                [EdgeCloudMetrics.SloMiss] = (double)_misses / _requests,
                [EdgeCloudMetrics.LocalShare] = (double)_local / _requests,
                [EdgeCloudMetrics.CloudShare] = (double)_cloud / _requests,
                [EdgeCloudMetrics.SpeculativeShare] = (double)_speculative / _requests,
                [EdgeCloudMetrics.MeanDraftLength] = _chosenSpeculative == 0 ? 0 : _draftSum / _chosenSpeculative,
                [EdgeCloudMetrics.FallbackShare] = (double)_fallbacks / _requests,
                [EdgeCloudMetrics.SpeculativeGainOverFixedBest] = Gain.GainOverFixedBest,
                [EdgeCloudMetrics.SpeculativeGainOverPlanner] = Gain.GainOverPlanner,
            };
            return new EdgeCloudSeedResult(method, seed, metrics, _windows, _draftLengths);
        }
    }
}
