using Controller.Offloading.Devices;
using Controller.Offloading.EdgeCloud;
using Controller.Training.EdgeCloud.Environments;

namespace Controller.Training.Tests.EdgeCloud.Environments;

/// <summary>Sampled requests (T = 1) accept fewer drafts than greedy ones: about 0.1 lower α (Leviathan et al., ICML 2023, Table 3).</summary>
public sealed class EdgeCloudWorkloadSamplingTests
{
    [Fact]
    public void Next_SampledRequests_AlphaAboutPenaltyBelowGreedy()
    {
        var workload = new EdgeCloudWorkload(AcceptanceModel.Default, 10, 8, seed: 3);
        var sampled = new List<double>();
        var greedy = new List<double>();
        for (var i = 0; i < 20_000; i++)
        {
            var request = workload.Next(DeviceProfiles.IPhone15Pro);
            (request.DraftTokenBits == EdgeCloudWorkload.SampledDraftTokenBits ? sampled : greedy).Add(request.TextAlpha);
        }

        // Same task mix and noise in both groups, so the means differ by the penalty up to sampling error (sd ≈ 0.1/√6000).
        Assert.Equal(EdgeCloudWorkload.SampledShare, sampled.Count / 20_000.0, 0.02);
        Assert.Equal(AcceptanceModel.SamplingAlphaPenalty, greedy.Average() - sampled.Average(), 0.01);
    }
}
