using Controller.Contracts;

namespace Controller.Offloading.Placement;

/// <summary>One composite action: where, which modalities, and the draft length.</summary>
/// <param name="Location">Local, Cloud or Speculative.</param>
/// <param name="ModalityMask">Bit i set = upload the i-th offered modality (offer order); 0 for Local.</param>
/// <param name="DraftLength">k ∈ 1..K for Speculative; 0 otherwise.</param>
public readonly record struct CompositeAction(Location Location, int ModalityMask, int DraftLength)
{
    public static CompositeAction Local => new(Location.Local, 0, 0);

    /// <summary>Number of modalities uploaded.</summary>
    public int ModalityCount => System.Numerics.BitOperations.PopCount((uint)ModalityMask);
}
