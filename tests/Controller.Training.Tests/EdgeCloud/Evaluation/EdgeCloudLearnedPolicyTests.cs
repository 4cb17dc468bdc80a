using Controller.Training.EdgeCloud.Evaluation;

namespace Controller.Training.Tests.EdgeCloud.Evaluation;

/// <summary>
/// Greedy decoding part by part (<see cref="EdgeCloudLearnedPolicy.MostProbableByParts"/>) on a small layout: local, two cloud
/// subsets, two speculative blocks of two draft choices — [local, cloud a, cloud b, spec a k1, spec a k2, spec b k1, spec b k2].
/// </summary>
public sealed class EdgeCloudLearnedPolicyTests
{
    [Fact]
    public void MostProbableByParts_SpeculationSpreadOverDraftLengths_BeatsALargerSingleLocal()
    {
        // Joint mode: local (0.40). Location masses: local 0.40, cloud 0.10, speculative 0.50 → speculative, subset a (0.35), k1 (0.20).
        float[] p = [0.40f, 0.05f, 0.05f, 0.20f, 0.15f, 0.10f, 0.05f];

        Assert.Equal(3, EdgeCloudLearnedPolicy.MostProbableByParts(p, 3, 2));
    }

    [Fact]
    public void MostProbableByParts_CloudMassLargest_PicksItsMostProbableSubset()
    {
        float[] p = [0.30f, 0.20f, 0.25f, 0.10f, 0.05f, 0.05f, 0.05f];

        Assert.Equal(2, EdgeCloudLearnedPolicy.MostProbableByParts(p, 3, 2));
    }

    [Fact]
    public void MostProbableByParts_LocalMassLargest_PicksLocal()
    {
        float[] p = [0.50f, 0.20f, 0.05f, 0.10f, 0.05f, 0.05f, 0.05f];

        Assert.Equal(0, EdgeCloudLearnedPolicy.MostProbableByParts(p, 3, 2));
    }

    [Fact]
    public void MostProbableByParts_OnlyOneActionAllowed_PicksIt()
    {
        float[] p = [0f, 0f, 0f, 0f, 0f, 0f, 1f];

        Assert.Equal(6, EdgeCloudLearnedPolicy.MostProbableByParts(p, 3, 2));
    }
}
