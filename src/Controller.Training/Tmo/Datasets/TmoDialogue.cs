namespace Controller.Training.Tmo.Datasets;

/// <summary>A dialogue (one episode): its turns in order.</summary>
/// <param name="Id">Dialogue id from the dataset.</param>
/// <param name="Turns">The turns; the task order comes from the data, not from actions.</param>
public sealed record TmoDialogue(int Id, IReadOnlyList<TmoTurn> Turns);
