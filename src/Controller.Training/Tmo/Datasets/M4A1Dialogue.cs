namespace Controller.Training.Tmo.Datasets;

/// <summary>One M4A1 dialogue: the scene's camera views and its logged turns.</summary>
/// <param name="Id">Unique dialogue id.</param>
/// <param name="ImagePaths">One image file name per view (modality).</param>
/// <param name="Turns">Logged turns in order (2–5 on M4A1).</param>
public sealed record M4A1Dialogue(int Id, IReadOnlyList<string> ImagePaths, IReadOnlyList<M4A1Turn> Turns);
