namespace Controller.Learning.Nn;

/// <summary>A named tensor a layer owns, with its gradient buffer of the same shape (row-major).</summary>
public sealed class Parameter
{
    public Parameter(string name, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"Parameter '{name}' needs a positive shape, got [{string.Join(", ", shape)}].", nameof(shape));
        }

        Name = name;
        Shape = shape;
        var length = shape.Aggregate(1, (a, d) => checked(a * d));
        Value = new float[length];
        Grad = new float[length];
    }

    /// <summary>Name in PyTorch's <c>state_dict</c> style, e.g. <c>pi.0.weight</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<int> Shape { get; }

    public float[] Value { get; }

    public float[] Grad { get; }

    public int Length => Value.Length;

    public void ZeroGrad() => Array.Clear(Grad);
}
