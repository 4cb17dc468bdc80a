using System.Text.Json.Serialization;

namespace Controller.Learning.Policies;

/// <summary>The flattened discrete action space: one name per action index (e.g. <c>local</c>, <c>cloud+view0</c>).</summary>
public sealed record ActionSpec(IReadOnlyList<string> ActionNames)
{
    [JsonIgnore]
    public int Count => ActionNames.Count;

    /// <summary>Actions named <c>a0</c>, <c>a1</c>, ….</summary>
    public static ActionSpec Unnamed(int count) => new(Enumerable.Range(0, count).Select(i => $"a{i}").ToArray());
}
