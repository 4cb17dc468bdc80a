using Controller.Contracts;
using Controller.Offloading.Placement;

namespace Controller.Offloading.EdgeCloud.Problem;

/// <summary>Short labels of composite actions, e.g. <c>spec{0,2} k=4</c>: the action names a bundle's manifest carries.</summary>
public static class EdgeCloudActionLabels
{
    /// <summary>Label of <paramref name="action"/> in <paramref name="space"/>.</summary>
    public static string Label(CompositeActionSpace space, int action)
    {
        ArgumentNullException.ThrowIfNull(space);
        var a = space.Decode(action);
        var subset = "{" + string.Join(",", Enumerable.Range(0, space.ModalityCount).Where(i => (a.ModalityMask & (1 << i)) != 0)) + "}";
        return a.Location switch
        {
            Location.Local => "local",
            Location.Cloud => $"cloud{subset}",
            _ => $"spec{subset} k={a.DraftLength}",
        };
    }
}
