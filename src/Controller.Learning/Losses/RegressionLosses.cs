namespace Controller.Learning.Losses;

/// <summary>Mean regression losses with their gradients, reduced over all elements like PyTorch's <c>reduction="mean"</c>.</summary>
public static class RegressionLosses
{
    /// <summary>
    /// <c>L = (1/n)·Σ (ŷᵢ − yᵢ)²</c>; writes <c>scale·∂L/∂ŷᵢ = scale·2(ŷᵢ − yᵢ)/n</c> into <paramref name="predictionGrad"/> when not empty.
    /// </summary>
    public static float MeanSquaredError(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> predictionGrad, float scale = 1f)
    {
        CheckLengths(prediction, target, predictionGrad);
        var n = prediction.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var d = prediction[i] - target[i];
            sum += d * d;
            if (!predictionGrad.IsEmpty)
            {
                predictionGrad[i] = scale * 2f * d / n;
            }
        }

        return (float)(sum / n);
    }

    /// <summary>
    /// Huber (<c>smooth_l1_loss</c> with β = <paramref name="delta"/>): <c>½d²/δ</c> when <c>|d| &lt; δ</c>, else <c>|d| − ½δ</c>,
    /// averaged; the gradient <c>clip(d/δ, −1, 1)/n</c> (times <paramref name="scale"/>) goes to <paramref name="predictionGrad"/>.
    /// </summary>
    public static float Huber(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> predictionGrad, float delta = 1f, float scale = 1f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delta, 0f);
        CheckLengths(prediction, target, predictionGrad);
        var n = prediction.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var d = prediction[i] - target[i];
            var abs = MathF.Abs(d);
            sum += abs < delta ? 0.5 * d * d / delta : abs - (0.5 * delta);
            if (!predictionGrad.IsEmpty)
            {
                predictionGrad[i] = scale * Math.Clamp(d / delta, -1f, 1f) / n;
            }
        }

        return (float)(sum / n);
    }

    private static void CheckLengths(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> grad)
    {
        if (prediction.Length == 0 || prediction.Length != target.Length || (!grad.IsEmpty && grad.Length != prediction.Length))
        {
            throw new ArgumentException($"Prediction ({prediction.Length}), target ({target.Length}) and gradient ({grad.Length}) lengths disagree or are empty.");
        }
    }
}
