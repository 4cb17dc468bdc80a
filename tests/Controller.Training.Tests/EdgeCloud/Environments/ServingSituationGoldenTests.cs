using Controller.Contracts;
using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Offloading.EdgeCloud.Problem;
using Controller.Offloading.Placement;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>
/// The golden test of issue #12 item 1: one situation fed through the training path (what <see cref="EdgeCloudEnvironment"/>
/// builds: <see cref="EdgeCloudDecision.Create"/> from its device, link, request and window state, then the observation and
/// mask) and through the serving path (<see cref="EdgeCloudServingSituation"/> from a <see cref="PlacementContext"/>) gives
/// bit-identical observation floats and masks.
/// </summary>
public sealed class ServingSituationGoldenTests
{
    private static readonly EdgeCloudEnvironmentOptions Options = new() { EnergyBudgetJoules = 800 };

    private static readonly EdgeCloudServingProblem Problem = new(Options.Budgets, Options.MaxDraftLength, Options.MaskOverBudget);

    [Fact]
    public void ServingPath_SameSituationsAsTraining_BitIdenticalObservationsAndMasks()
    {
        var random = new Random(12);
        var workload = new EdgeCloudWorkload(AcceptanceModel.Default, Options.MeanThinkSeconds, Options.MaxDraftLength, seed: 12);
        var compared = 0;
        var differentMasks = new HashSet<string>();
        while (compared < 300)
        {
            var device = DeviceProfiles.Get(Options.Devices[random.Next(Options.Devices.Count)]);
            var network = NetworkProfiles.Get(Options.Networks[random.Next(Options.Networks.Count)]);
            var request = workload.Next(device);
            // Serving fills slots in offer order and does not know whether a request samples: compare the requests it can express.
            if (request.DraftTokenBits != 32 || !PresentSlotsArePrefix(request))
            {
                continue;
            }

            var ranges = random.NextDouble() < 0.5 ? network.Good : network.Bad;
            var channel = new ChannelState(Draw(ranges.UplinkMbps, random), Draw(ranges.DownlinkMbps, random), Draw(ranges.RttMs, random), true);
            var energyLeft = Options.EnergyBudgetJoules - (random.NextDouble() * 900);
            var spendLeft = Options.SpendBudgetUsd - (random.NextDouble() * 0.11);
            var budgets = Options.Budgets;
            var training = EdgeCloudDecision.Create(device, 1, network, channel, 1, request, Options.MaxDraftLength,
                budgets.EnergyLeftFraction(energyLeft), budgets.SpendLeftFraction(spendLeft), budgets.TimeLeftFraction(Options.WindowSeconds / 2));
            var context = ContextOf(request, device, network, channel, energyLeft, spendLeft);
            var serving = EdgeCloudServingSituation.Create(context, Problem, out var reason);
            Assert.Null(reason);

            var (trainingObservation, trainingMask) = Encode(training);
            var (servingObservation, servingMask) = Encode(serving!);
            Assert.Equal(trainingObservation.Select(BitConverter.SingleToInt32Bits), servingObservation.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(trainingMask, servingMask);
            differentMasks.Add(string.Concat(trainingMask.Select(m => m ? '1' : '0')));
            compared++;
        }

        // The situations cover varied masks (budget and structural), not one easy case.
        Assert.True(differentMasks.Count > 20, $"only {differentMasks.Count} distinct masks");
    }

    [Fact]
    public void ServingPath_HotDevice_SpeedFactorFromItsThermalCurve()
    {
        var device = DeviceProfiles.IPhone15Pro;
        var thermal = ThermalProfiles.Get(device.Name);
        var hot = (thermal.ThrottleStartC + thermal.ThrottleFullC) / 2;
        var request = new EdgeCloudRequest("Query", 100, 100, [default, default, default], 0.7, 0.7, 10_000, 10);
        var context = ContextOf(request, device, NetworkProfiles.Lte, NetworkProfiles.Lte.Nominal, 500, 0.05) with
        {
            Device = Heartbeat(device, NetworkProfiles.Lte, NetworkProfiles.Lte.Nominal, 10_000, 0.7) with { TemperatureCelsius = hot },
        };

        var decision = EdgeCloudServingSituation.Create(context, Problem, out _)!;

        Assert.Equal(thermal.SpeedAt(hot), decision.SpeedFactor);
        Assert.True(decision.SpeedFactor < 1);
    }

    [Fact]
    public void ServingPath_NoHeartbeatOrTooManyModalities_NoDecisionWithReason()
    {
        var request = new EdgeCloudRequest("Query", 100, 100, [default, default, default], 0.7, 0.7, 10_000, 10);
        var context = ContextOf(request, DeviceProfiles.IPhone15Pro, NetworkProfiles.Lte, NetworkProfiles.Lte.Nominal, 500, 0.05);
        var offers = Enumerable.Range(0, 4).Select(i => new ModalityOffer { Id = $"v{i}", Kind = ModalityKind.Image, SizeBytes = 1_000 }).ToList();

        Assert.Null(EdgeCloudServingSituation.Create(context with { Device = null }, Problem, out var unknown));
        Assert.Contains("heartbeat", unknown);
        Assert.Null(EdgeCloudServingSituation.Create(context with { Request = context.Request with { Modalities = offers } }, Problem, out var wide));
        Assert.Contains("4 modalities", wide);
    }

    [Fact]
    public void ServingPath_BadField_ArgumentExceptionNamingIt()
    {
        var request = new EdgeCloudRequest("Query", 100, 100, [default, default, default], 0.7, 0.7, 10_000, 10);
        var context = ContextOf(request, DeviceProfiles.IPhone15Pro, NetworkProfiles.Lte, NetworkProfiles.Lte.Nominal, 500, 0.05);

        var error = Assert.Throws<ArgumentException>(() =>
            EdgeCloudServingSituation.Create(context with { Request = context.Request with { ExpectedOutputTokens = 0 } }, Problem, out _));
        Assert.Contains("ExpectedOutputTokens", error.Message);
    }

    private static double Draw(Interval range, Random random) => range.Min + (random.NextDouble() * (range.Max - range.Min));

    private static bool PresentSlotsArePrefix(EdgeCloudRequest request)
    {
        var seenAbsent = false;
        foreach (var slot in request.Modalities)
        {
            if (slot.Present && seenAbsent)
            {
                return false;
            }

            seenAbsent |= !slot.Present;
        }

        return true;
    }

    private static (float[] Observation, bool[] Mask) Encode(EdgeCloudDecision decision)
    {
        var observation = new float[EdgeCloudObservation.Size];
        var mask = new bool[decision.Space.Count];
        EdgeCloudServingSituation.Write(decision, Problem, observation, mask);
        return (observation, mask);
    }

    private static PlacementContext ContextOf(EdgeCloudRequest request, DeviceProfile device, NetworkProfile network, ChannelState channel,
        double energyLeft, double spendLeft)
    {
        var offers = request.Modalities.Select((m, i) => (m, i)).Where(x => x.m.Present)
            .Select(x => new ModalityOffer { Id = $"view{x.i}", Kind = ModalityKind.Image, SizeBytes = x.m.SizeBytes, RelevanceScore = x.m.Relevance })
            .ToList();
        var placement = new RequestPlacement
        {
            SchemaVersion = SchemaVersions.Current,
            RequestId = Guid.NewGuid(),
            DeviceId = "golden",
            DialogueId = "d",
            Turn = 0,
            TaskCategory = request.Task,
            Modalities = offers,
            PromptTokens = request.PromptTokens,
            ExpectedOutputTokens = request.OutputTokens,
            LatencySloMs = Options.LatencySloMs,
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
        return new PlacementContext(placement, Heartbeat(device, network, channel, request.FreeMemoryMb, request.AlphaEstimate),
            new BudgetState(double.PositiveInfinity, spendLeft, energyLeft));
    }

    private static HeartbeatReported Heartbeat(DeviceProfile device, NetworkProfile network, ChannelState channel, double freeMemoryMb, double alpha) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        HeartbeatId = Guid.NewGuid(),
        DeviceId = "golden",
        DeviceClass = device.Name,
        SentAt = DateTimeOffset.UnixEpoch,
        BatteryPercent = 80,
        EnergyBudgetRemainingJoules = 10_000,
        FreeMemoryMb = freeMemoryMb,
        CpuLoad = 0.2,
        GpuLoad = 0.1,
        // Below every class's throttle threshold: full speed, as the thermal-off training path assumes here.
        TemperatureCelsius = 30,
        Network = network.Type,
        UplinkMbps = channel.UplinkMbps,
        DownlinkMbps = channel.DownlinkMbps,
        RttMs = channel.RttMs,
        DraftAcceptanceEstimate = alpha,
    };
}
