namespace Controller.Training.Tmo.Datasets;

/// <summary>How a seed shuffles the dialogues before the first share is held out for test.</summary>
public enum SplitRule
{
    /// <summary>TMO's rule (default): dialogues in file order, CPython's <c>random.seed(s); random.shuffle(…)</c>.</summary>
    Python,

    /// <summary>Earlier runs of this project: <see cref="Random.Shuffle{T}(T[])"/> on <c>new Random(seed)</c> (<c>--split dotnet</c>).</summary>
    DotNet,
}
