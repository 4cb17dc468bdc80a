namespace Controller.Learning.Distributions;

/// <summary>
/// Categorical distribution over logits with a hard mask: disallowed actions get probability exactly 0
/// (log-probability −∞) and never take part in sampling, argmax, entropy or gradients. Computed in float32 with
/// the max-subtracted log-sum-exp.
/// </summary>
public static class MaskedCategorical
{
    /// <summary>
    /// <c>log p[a] = z[a] − log Σ_{b allowed} exp z[b]</c> for allowed <c>a</c>, −∞ otherwise. Throws when no action is allowed.
    /// </summary>
    public static void LogProbabilities(ReadOnlySpan<float> logits, ReadOnlySpan<bool> mask, Span<float> logProbs)
    {
        if (mask.Length != logits.Length || logProbs.Length != logits.Length)
        {
            throw new ArgumentException($"Logits ({logits.Length}), mask ({mask.Length}) and log-probabilities ({logProbs.Length}) must have one length.");
        }

        var max = float.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            if (mask[i] && logits[i] > max)
            {
                max = logits[i];
            }
        }

        if (float.IsNegativeInfinity(max))
        {
            throw new ArgumentException("The action mask allows no action.", nameof(mask));
        }

        if (float.IsNaN(max) || float.IsPositiveInfinity(max))
        {
            throw new ArgumentException($"Logits are not finite (max {max}).", nameof(logits));
        }

        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            if (mask[i])
            {
                sum += MathF.Exp(logits[i] - max);
            }
        }

        var logSum = max + MathF.Log(sum);
        for (var i = 0; i < logits.Length; i++)
        {
            logProbs[i] = mask[i] ? logits[i] - logSum : float.NegativeInfinity;
        }
    }

    /// <summary>Probabilities <c>p = exp(log p)</c>, exactly 0 where masked.</summary>
    public static void Probabilities(ReadOnlySpan<float> logits, ReadOnlySpan<bool> mask, Span<float> probabilities)
    {
        LogProbabilities(logits, mask, probabilities);
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = mask[i] ? MathF.Exp(probabilities[i]) : 0f;
        }
    }

    /// <summary>Entropy <c>H = −Σ_{allowed} p·log p</c> in nats.</summary>
    public static float Entropy(ReadOnlySpan<float> logProbs, ReadOnlySpan<bool> mask)
    {
        var h = 0f;
        for (var i = 0; i < logProbs.Length; i++)
        {
            if (mask[i])
            {
                h -= MathF.Exp(logProbs[i]) * logProbs[i];
            }
        }

        return h;
    }

    /// <summary>Inverse-CDF sample with a uniform draw <paramref name="uniform"/> ∈ [0, 1); only allowed actions can come out.</summary>
    public static int Sample(ReadOnlySpan<float> logProbs, ReadOnlySpan<bool> mask, double uniform)
    {
        var cumulative = 0.0;
        var lastAllowed = -1;
        for (var i = 0; i < logProbs.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            lastAllowed = i;
            cumulative += Math.Exp(logProbs[i]);
            if (uniform < cumulative)
            {
                return i;
            }
        }

        // Rounding can leave the cumulative sum a hair below 1; the last allowed action takes the remainder.
        return lastAllowed >= 0 ? lastAllowed : throw new ArgumentException("The action mask allows no action.", nameof(mask));
    }

    /// <summary>Allowed action with the largest logit (first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> logits, ReadOnlySpan<bool> mask)
    {
        var best = -1;
        var bestValue = float.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            if (mask[i] && (best < 0 || logits[i] > bestValue))
            {
                best = i;
                bestValue = logits[i];
            }
        }

        return best >= 0 ? best : throw new ArgumentException("The action mask allows no action.", nameof(mask));
    }

    /// <summary><c>dz += scale·∂log p[action]/∂z = scale·(onehot(action) − p)</c> over allowed entries.</summary>
    public static void AccumulateLogProbGradient(ReadOnlySpan<float> logProbs, ReadOnlySpan<bool> mask, int action, float scale, Span<float> logitGrad)
    {
        for (var i = 0; i < logProbs.Length; i++)
        {
            if (mask[i])
            {
                logitGrad[i] -= scale * MathF.Exp(logProbs[i]);
            }
        }

        logitGrad[action] += scale;
    }

    /// <summary><c>dz += scale·∂H/∂z</c>, <c>∂H/∂z_j = −p_j·(log p_j + H)</c> over allowed entries.</summary>
    public static void AccumulateEntropyGradient(ReadOnlySpan<float> logProbs, ReadOnlySpan<bool> mask, float scale, Span<float> logitGrad)
    {
        var h = Entropy(logProbs, mask);
        for (var i = 0; i < logProbs.Length; i++)
        {
            if (mask[i])
            {
                logitGrad[i] -= scale * MathF.Exp(logProbs[i]) * (logProbs[i] + h);
            }
        }
    }
}
