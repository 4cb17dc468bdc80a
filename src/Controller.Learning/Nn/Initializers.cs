namespace Controller.Learning.Nn;

/// <summary>Weight initialisation schemes, matching <c>torch.nn.init</c> in distribution (not in random stream).</summary>
public static class Initializers
{
    /// <summary>
    /// Fills a row-major <c>[rows, cols]</c> matrix with a (semi-)orthogonal matrix times <paramref name="gain"/>, as
    /// <c>nn.init.orthogonal_</c>: Gram–Schmidt on a standard-normal matrix, rows orthonormal when
    /// <c>rows ≤ cols</c>, otherwise columns.
    /// </summary>
    public static void Orthogonal(Span<float> weight, int rows, int cols, double gain, Random random)
    {
        if (weight.Length != rows * cols)
        {
            throw new ArgumentException($"Weight length {weight.Length} is not {rows}×{cols}.", nameof(weight));
        }

        // Orthonormalise the shorter side: vectors of length `n`, `count` of them.
        var transpose = rows > cols;
        var count = transpose ? cols : rows;
        var n = transpose ? rows : cols;
        var q = new double[count, n];
        for (var v = 0; v < count; v++)
        {
            for (var tries = 0; ; tries++)
            {
                for (var i = 0; i < n; i++)
                {
                    q[v, i] = random.NextGaussian();
                }

                for (var u = 0; u < v; u++)
                {
                    double dot = 0;
                    for (var i = 0; i < n; i++)
                    {
                        dot += q[u, i] * q[v, i];
                    }

                    for (var i = 0; i < n; i++)
                    {
                        q[v, i] -= dot * q[u, i];
                    }
                }

                double norm = 0;
                for (var i = 0; i < n; i++)
                {
                    norm += q[v, i] * q[v, i];
                }

                norm = Math.Sqrt(norm);
                if (norm > 1e-8 || tries > 16)
                {
                    for (var i = 0; i < n; i++)
                    {
                        q[v, i] /= norm;
                    }

                    break;
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var value = transpose ? q[c, r] : q[r, c];
                weight[(r * cols) + c] = (float)(gain * value);
            }
        }
    }

    /// <summary>Fills with U(−a, a), <c>a = gain·√(6 / (fanIn + fanOut))</c>, as <c>nn.init.xavier_uniform_</c>.</summary>
    public static void XavierUniform(Span<float> weight, int fanOut, int fanIn, double gain, Random random)
    {
        var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = (float)(((2 * random.NextDouble()) - 1) * bound);
        }
    }
}
