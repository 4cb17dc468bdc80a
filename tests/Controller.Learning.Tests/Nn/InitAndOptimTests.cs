using Controller.Learning.Nn;
using Controller.Learning.Optim;

namespace Controller.Learning.Tests.Nn;

public sealed class InitAndOptimTests
{
    [Theory]
    [InlineData(4, 9)]
    [InlineData(9, 4)]
    public void Orthogonal_EitherShape_ShorterSideIsOrthonormalTimesGain(int rows, int cols)
    {
        var w = new float[rows * cols];
        Initializers.Orthogonal(w, rows, cols, 2.0, new Random(3));

        var count = Math.Min(rows, cols);
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                double dot = 0;
                for (var i = 0; i < Math.Max(rows, cols); i++)
                {
                    dot += rows <= cols ? w[(a * cols) + i] * (double)w[(b * cols) + i] : w[(i * cols) + a] * (double)w[(i * cols) + b];
                }

                Assert.Equal(a == b ? 4.0 : 0.0, dot, 4);
            }
        }
    }

    [Fact]
    public void XavierUniform_Draws_StayWithinBoundAndSpreadAcrossIt()
    {
        var w = new float[64 * 32];
        Initializers.XavierUniform(w, 64, 32, 1.0, new Random(4));
        var bound = Math.Sqrt(6.0 / 96);

        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.9 * bound && w.Min() < -0.9 * bound);
    }

    [Fact]
    public void ClipByGlobalNorm_NormAboveMax_ScalesAllGradientsToMaxAndReturnsOriginalNorm()
    {
        var a = new Parameter("a", 2);
        var b = new Parameter("b", 1);
        a.Grad[0] = 3;
        a.Grad[1] = 0;
        b.Grad[0] = 4;

        var norm = GradientClipping.ClipByGlobalNorm([a, b], 1.0);

        Assert.Equal(5.0, norm, 6);
        Assert.Equal(0.6f, a.Grad[0], 5);
        Assert.Equal(0.8f, b.Grad[0], 5);
    }

    [Fact]
    public void ClipByGlobalNorm_NormBelowMax_LeavesGradientsUnchanged()
    {
        var a = new Parameter("a", 1);
        a.Grad[0] = 0.3f;

        GradientClipping.ClipByGlobalNorm([a], 0.5);

        Assert.Equal(0.3f, a.Grad[0]);
    }

    [Fact]
    public void LinearSchedule_ProgressRemaining_InterpolatesFromStartToEnd()
    {
        var schedule = LearningRateSchedule.Linear(3e-4, 1e-4);

        Assert.Equal(3e-4, schedule.At(1.0), 12);
        Assert.Equal(2e-4, schedule.At(0.5), 12);
        Assert.Equal(1e-4, schedule.At(0.0), 12);
        Assert.Equal(7e-4, LearningRateSchedule.Constant(7e-4).At(0.3));
    }
}
