using Controller.Training.Tmo.Datasets;
using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tests.Tmo.Environments;

public sealed class TmoHistoryEncodingTests
{
    private static readonly ModalityActionSpace Space = new(3);

    [Fact]
    public void WriteWindow_SecondTurn_PadsAndEncodesPreviousAction()
    {
        var encoding = new TmoHistoryEncoding(Space);
        var dialogue = Dialogue(taskIds: [2, 0]);
        var window = new float[encoding.WindowLength];

        encoding.WriteWindow(dialogue, 1, [5], window);

        float[] padding = Enumerable.Repeat(-1f, 15).ToArray();
        float[] expected = [.. padding, -1, 0, 0, 0, 2, 1, 1, 1, 0, 0];
        Assert.Equal(expected, window);
    }

    [Fact]
    public void WriteWindow_LongDialogue_KeepsLastFiveStatesOldestFirst()
    {
        var encoding = new TmoHistoryEncoding(Space);
        var dialogue = Dialogue(taskIds: [0, 1, 2, 3, 0, 1]);
        var window = new float[encoding.WindowLength];

        encoding.WriteWindow(dialogue, 5, [0, 1, 2, 3, 4], window);

        // Oldest kept state is turn 1 (previous action 0 = local); newest is turn 5 after action 4 (view 2).
        Assert.Equal([0f, 0, 0, 0, 1], window[..5]);
        Assert.Equal([1f, 0, 0, 1, 1], window[20..]);
    }

    [Fact]
    public void WriteWindow_HistoryTooShort_Throws()
    {
        var encoding = new TmoHistoryEncoding(Space);

        var error = Assert.Throws<ArgumentException>(() => encoding.WriteWindow(Dialogue(taskIds: [0, 1, 2]), 2, [0], new float[25]));

        Assert.Contains("history has 1 actions but turn 2 needs 2", error.Message);
    }

    internal static TmoDialogue Dialogue(int[] taskIds) =>
        new(0, taskIds.Select(task => new TmoTurn(task, [0.2, 0.1, 0.3], 0, 1.0)).ToArray());
}
