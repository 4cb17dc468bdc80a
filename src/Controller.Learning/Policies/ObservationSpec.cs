using System.Text.Json.Serialization;

namespace Controller.Learning.Policies;

/// <summary>
/// What the policy expects to see: one name per feature and the affine normalisation the network input gets,
/// <c>x̂ᵢ = (xᵢ − Meanᵢ) / Scaleᵢ</c>. Training and inference both apply it, so callers always pass raw features.
/// </summary>
/// <param name="FeatureNames">One name per observation feature, e.g. <c>task_id</c>, <c>remaining_latency_s</c>.</param>
/// <param name="Mean">Subtracted from each feature.</param>
/// <param name="Scale">Each centred feature is divided by this; must be positive.</param>
public sealed record ObservationSpec(IReadOnlyList<string> FeatureNames, IReadOnlyList<float> Mean, IReadOnlyList<float> Scale)
{
    [JsonIgnore]
    public int Size => FeatureNames.Count;

    /// <summary>No normalisation, features named <c>x0</c>, <c>x1</c>, ….</summary>
    public static ObservationSpec Identity(int size) =>
        Identity(Enumerable.Range(0, size).Select(i => $"x{i}").ToArray());

    /// <summary>No normalisation over the given feature names.</summary>
    public static ObservationSpec Identity(IReadOnlyList<string> featureNames) =>
        new(featureNames, Enumerable.Repeat(0f, featureNames.Count).ToArray(), Enumerable.Repeat(1f, featureNames.Count).ToArray());

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first inconsistent field.</summary>
    public void Validate()
    {
        if (FeatureNames.Count == 0)
        {
            throw new ArgumentException("Observation spec has no features.");
        }

        if (Mean.Count != FeatureNames.Count || Scale.Count != FeatureNames.Count)
        {
            throw new ArgumentException($"Observation spec has {FeatureNames.Count} feature names but {Mean.Count} means and {Scale.Count} scales.");
        }

        for (var i = 0; i < Scale.Count; i++)
        {
            if (!(Scale[i] > 0) || !float.IsFinite(Scale[i]) || !float.IsFinite(Mean[i]))
            {
                throw new ArgumentException($"Observation feature '{FeatureNames[i]}' has mean {Mean[i]} and scale {Scale[i]}; the scale must be positive and both finite.");
            }
        }
    }

    /// <summary>Writes the normalised observation.</summary>
    public void Normalize(ReadOnlySpan<float> raw, Span<float> normalized)
    {
        if (raw.Length != FeatureNames.Count)
        {
            throw new ArgumentException($"Observation has {raw.Length} features, the spec names {FeatureNames.Count}.", nameof(raw));
        }

        for (var i = 0; i < raw.Length; i++)
        {
            normalized[i] = (raw[i] - Mean[i]) / Scale[i];
        }
    }
}
