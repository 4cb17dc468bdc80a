using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// TMO's raw per-turn state and observation window, which the response-score estimator is fitted
/// on. State of turn j (2 + M numbers): [previous location (−1 none, 0 local, 1 cloud), which of
/// the M modalities the previous turn uploaded (0/1 each; 0 on the first turn), task id of turn j].
/// The window holds the last <see cref="Window"/> states, oldest first, padded with −1 before the
/// dialogue starts.
/// </summary>
public sealed class TmoHistoryEncoding
{
    /// <summary>TMO setting: 5 turns of history.</summary>
    public const int DefaultWindow = 5;

    public TmoHistoryEncoding(ModalityActionSpace space, int window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Space = space;
        Window = window;
    }

    public ModalityActionSpace Space { get; }

    /// <summary>Turns of history in the window.</summary>
    public int Window { get; }

    /// <summary>Numbers per turn state: 2 + M.</summary>
    public int StateLength => Space.ModalityCount + 2;

    /// <summary>Length of the window: <see cref="Window"/> · <see cref="StateLength"/> (25 for M = 3).</summary>
    public int WindowLength => Window * StateLength;

    /// <summary>Length of the estimator's action code: 1 + M.</summary>
    public int ActionCodeLength => Space.ModalityCount + 1;

    /// <summary>
    /// Writes the raw window seen at <paramref name="turn"/>, where <paramref name="history"/> holds
    /// the actions of turns 0..turn−1 (logged or the agent's own).
    /// </summary>
    public void WriteWindow(TmoDialogue dialogue, int turn, ReadOnlySpan<int> history, Span<float> destination)
    {
        if (history.Length < turn)
        {
            throw new ArgumentException($"history has {history.Length} actions but turn {turn} needs {turn}", nameof(history));
        }

        destination[..WindowLength].Fill(-1f);
        var first = Math.Max(0, turn - Window + 1);
        for (var j = first; j <= turn; j++)
        {
            var slot = Window - 1 - (turn - j);
            var state = destination.Slice(slot * StateLength, StateLength);
            if (j == 0)
            {
                state[..^1].Fill(0f);
                state[0] = -1f;
            }
            else
            {
                var previous = history[j - 1];
                state[0] = Space.IsCloud(previous) ? 1f : 0f;
                for (var m = 0; m < Space.ModalityCount; m++)
                {
                    state[1 + m] = Space.Uploads(previous, m) ? 1f : 0f;
                }
            }

            // Past the last turn (the terminal observation) there is no task: it reads as padding.
            state[^1] = j < dialogue.Turns.Count ? dialogue.Turns[j].TaskId : -1f;
        }
    }
}
