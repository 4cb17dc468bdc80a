using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

/// <summary>Small hand-made datasets whose scores are known exactly (synthetic draws).</summary>
internal static class TmoFixtures
{
    public static readonly string[] Tasks = ["Assistive System", "Message Editing", "Query", "Recommendation"];

    /// <summary>Dialogues of 3 modalities whose turns all score local 0.7 and cloud 1.0 + 0.1·images.</summary>
    public static TmoDataset Synthetic(int dialogues = 4, int turns = 5) => new(
        "fixture",
        3,
        Tasks,
        Enumerable.Range(0, dialogues).Select(id => new TmoDialogue(
            id,
            Enumerable.Range(0, turns).Select(t => new TmoTurn((id + t) % 4, [0.2, 0.1, 0.3], t % 9, 0.7, new SyntheticTurnDraw(0.7, 0.0))).ToArray())).ToArray());

    public static TmoEnvironment Environment(TmoDataset dataset, string network = "4g", TmoEnvironmentOptions? options = null)
    {
        var problem = TmoProblem.Create(dataset, dataset.Dialogues, TmoDeviceProfile.Default, TmoNetworkProfile.Get(network));
        return new TmoEnvironment(problem, dataset.Dialogues, options ?? new TmoEnvironmentOptions());
    }
}
