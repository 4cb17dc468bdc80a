using Controller.Training.Tmo.Environments;

namespace Controller.Training.Tmo.Datasets;

/// <summary>
/// TMO's synthetic distributions: per turn a uniform task, association ~ U(0.1, 0.5) per modality,
/// local score ~ N(0.7, 0.3²) clipped to [0, 2], cloud score ~ N(1.0 + 0.1·images uploaded so far,
/// 0.3²) clipped to [0, 2] (the noise is drawn once per turn, see <see cref="SyntheticScoreModel"/>).
/// The logged behaviour is uniformly random over the actions. Cloud latency and price come from the
/// <c>linear</c> network profile (0.5 + 1.5k s, 0.0005 + 0.004k $).
/// </summary>
public static class SyntheticGenerator
{
    /// <summary>Mean local score, TMO setting.</summary>
    public const double LocalMean = 0.7;

    /// <summary>Score noise standard deviation, TMO setting.</summary>
    public const double ScoreDeviation = 0.3;

    /// <summary>Association range, TMO setting.</summary>
    public const double AssociationMin = 0.1, AssociationMax = 0.5;

    /// <summary>Generates the dataset <paramref name="scenario"/> describes.</summary>
    public static TmoDataset Generate(SyntheticScenario scenario)
    {
        scenario.Validated();
        var random = new Random(scenario.Seed);
        var space = new ModalityActionSpace(scenario.Modalities);
        var model = new SyntheticScoreModel(space);
        var scores = new double[space.ActionCount];
        var dialogues = new TmoDialogue[scenario.Dialogues];
        for (var id = 0; id < dialogues.Length; id++)
        {
            var turnCount = random.Next(scenario.MinTurns, scenario.MaxTurns + 1);
            var turns = new TmoTurn[turnCount];
            var logged = new int[turnCount];
            for (var t = 0; t < turnCount; t++)
            {
                var association = Enumerable.Range(0, scenario.Modalities)
                    .Select(_ => AssociationMin + ((AssociationMax - AssociationMin) * random.NextDouble()))
                    .ToArray();
                var draw = new SyntheticTurnDraw(
                    Math.Clamp(LocalMean + (ScoreDeviation * StandardNormal(random)), 0, SyntheticScoreModel.MaxScore),
                    ScoreDeviation * StandardNormal(random));
                logged[t] = random.Next(space.ActionCount);
                turns[t] = new TmoTurn(random.Next(scenario.Tasks), association, logged[t], 0, draw);
            }

            var dialogue = new TmoDialogue(id, turns);
            for (var t = 0; t < turnCount; t++)
            {
                model.ScoreActions(dialogue, t, logged, scores);
                turns[t] = turns[t] with { LoggedScore = scores[logged[t]] };
            }

            dialogues[id] = dialogue;
        }

        var name = $"synthetic(modalities={scenario.Modalities}, tasks={scenario.Tasks}, turns={scenario.MinTurns}-{scenario.MaxTurns}, dialogues={scenario.Dialogues}, seed={scenario.Seed})";
        var tasks = Enumerable.Range(0, scenario.Tasks).Select(i => $"task-{i}").ToArray();
        return new TmoDataset(name, scenario.Modalities, tasks, dialogues);
    }

    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
