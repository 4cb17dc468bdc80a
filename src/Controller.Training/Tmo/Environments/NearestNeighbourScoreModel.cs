using System.Buffers;
using System.Numerics.Tensors;
using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// R̂ for logged data: TMO's k-nearest-neighbour estimator on [raw window, action code], fitted on
/// the training dialogues with their logged histories and logged scores (refusals scored 0). See
/// <see cref="NearestNeighbourRegressor"/> for the tie rule.
/// </summary>
public sealed class NearestNeighbourScoreModel : IResponseScoreModel
{
    private readonly NearestNeighbourRegressor _regressor;
    private readonly float[][] _actionSquaredDistances;

    private NearestNeighbourScoreModel(TmoHistoryEncoding encoding, NearestNeighbourRegressor regressor)
    {
        Encoding = encoding;
        _regressor = regressor;

        // The action code takes only 1 + 2^M values: its share of every distance is computed once.
        var space = encoding.Space;
        var code = new float[encoding.ActionCodeLength];
        _actionSquaredDistances = new float[space.ActionCount][];
        for (var action = 0; action < space.ActionCount; action++)
        {
            space.WriteCode(action, code);
            _actionSquaredDistances[action] = new float[regressor.PointCount];
            regressor.AccumulateSquaredDistances(code, encoding.WindowLength, _actionSquaredDistances[action]);
        }
    }

    public TmoHistoryEncoding Encoding { get; }

    /// <summary>Number of training points (turns of the training dialogues).</summary>
    public int PointCount => _regressor.PointCount;

    /// <inheritdoc />
    public bool DependsOnOrder => true;

    /// <summary>Fits the estimator on the logged turns of <paramref name="training"/>.</summary>
    public static NearestNeighbourScoreModel Fit(TmoHistoryEncoding encoding, IReadOnlyList<TmoDialogue> training, int neighbours = NearestNeighbourRegressor.DefaultNeighbours, NeighbourTies ties = NeighbourTies.Exact)
    {
        var features = new List<float[]>();
        var targets = new List<double>();
        foreach (var dialogue in training)
        {
            var logged = dialogue.Turns.Select(t => t.LoggedAction).ToArray();
            for (var turn = 0; turn < dialogue.Turns.Count; turn++)
            {
                var row = new float[encoding.WindowLength + encoding.ActionCodeLength];
                encoding.WriteWindow(dialogue, turn, logged, row);
                encoding.Space.WriteCode(logged[turn], row.AsSpan(encoding.WindowLength));
                features.Add(row);
                targets.Add(dialogue.Turns[turn].LoggedScore);
            }
        }

        return new NearestNeighbourScoreModel(encoding, new NearestNeighbourRegressor(features, targets, neighbours, ties, orderFrom: encoding.WindowLength));
    }

    /// <inheritdoc />
    public void ScoreActions(TmoDialogue dialogue, int turn, ReadOnlySpan<int> history, Span<double> scores)
    {
        Span<float> window = stackalloc float[Encoding.WindowLength];
        Encoding.WriteWindow(dialogue, turn, history, window);
        var points = _regressor.PointCount;

        // Rented, not allocated: the environment asks once per step, and evaluation asks from several threads.
        var scratch = ArrayPool<float>.Shared.Rent(2 * points);
        try
        {
            var windowSquared = scratch.AsSpan(0, points);
            var squared = scratch.AsSpan(points, points);
            windowSquared.Clear();
            _regressor.AccumulateSquaredDistances(window, 0, windowSquared);
            for (var action = 0; action < Encoding.Space.ActionCount; action++)
            {
                TensorPrimitives.Add(windowSquared, _actionSquaredDistances[action], squared);
                scores[action] = _regressor.PredictFromSquaredDistances(squared);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }
}
