using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>
/// ML.NET FastTree regression of one outcome on the context followed by a one-hot encoding of the action, so the trees
/// can split on the action and on its interactions with the context (one model for all actions: actions the logging
/// policy rarely takes borrow strength from the others). Single-threaded: the machines are shared and a fixed thread
/// count keeps fits reproducible.
/// </summary>
public sealed class FastTreeOutcomeModel : IOutcomeModelTrainer
{
    private readonly FastTreeOutcomeSettings _settings;

    public FastTreeOutcomeModel(FastTreeOutcomeSettings? settings = null)
    {
        _settings = settings ?? new FastTreeOutcomeSettings();
        _settings.Validate();
    }

    public string Name => $"ML.NET FastTree ({_settings.NumberOfTrees} trees, {_settings.NumberOfLeaves} leaves, lr {_settings.LearningRate}, features = context + action one-hot)";

    public IOutcomeModel Fit(IReadOnlyList<LoggedDecision> training, OutcomeColumn outcome, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count < 2 * _settings.MinimumExampleCountPerLeaf)
        {
            throw new OffPolicyInputException(
                $"outcome model for {outcome.Name}: {training.Count} training records; FastTree with at least {_settings.MinimumExampleCountPerLeaf} per leaf needs {2 * _settings.MinimumExampleCountPerLeaf}");
        }

        var featureCount = training[0].Context.Length + actionCount;
        var context = new MLContext(_settings.Seed);
        var schema = FeatureRow.Schema(featureCount);
        var rows = training.Select(d => new FeatureRow { Label = (float)outcome.Of(d), Features = Features(d, d.Action, actionCount) });
        var data = context.Data.LoadFromEnumerable(rows, schema);
        var trainer = context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfTrees = _settings.NumberOfTrees,
            NumberOfLeaves = _settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = _settings.MinimumExampleCountPerLeaf,
            LearningRate = _settings.LearningRate,
            NumberOfThreads = 1,
        });
        return new Fitted(context, trainer.Fit(data), schema, actionCount);
    }

    private static float[] Features(LoggedDecision decision, int action, int actionCount)
    {
        var features = new float[decision.Context.Length + actionCount];
        decision.Context.CopyTo(features, 0);
        features[decision.Context.Length + action] = 1;
        return features;
    }

    private sealed class Fitted(MLContext context, ITransformer model, SchemaDefinition schema, int actionCount) : IOutcomeModel
    {
        public double[] Predict(IReadOnlyList<OutcomeQuery> queries)
        {
            var rows = queries.Select(q => new FeatureRow { Features = Features(q.Decision, q.Action, actionCount) });
            var scored = model.Transform(context.Data.LoadFromEnumerable(rows, schema));
            return [.. scored.GetColumn<float>("Score").Select(s => (double)s)];
        }
    }
}

/// <summary>One ML.NET row: the features of a (context, action) pair and the outcome observed for it.</summary>
internal sealed class FeatureRow
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];

    /// <summary>The row's schema with the feature vector's length fixed, as FastTree requires.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
