using Controller.Training.Tmo.Datasets;

namespace Controller.Training.Tmo.Environments;

/// <summary>
/// R̂ of TMO's synthetic generator, from each turn's stored draws: the local answer scores its
/// drawn value; a cloud answer scores clip(1.0 + 0.1 · images uploaded so far, this call's
/// included, + noise, 0, 2), so uploading pays off more the more context the cloud has seen.
/// </summary>
public sealed class SyntheticScoreModel(ModalityActionSpace space) : IResponseScoreModel
{
    /// <summary>Mean cloud score before any image, TMO setting.</summary>
    public const double CloudBase = 1.0;

    /// <summary>Cloud score gained per image uploaded in the dialogue so far, TMO setting.</summary>
    public const double GainPerImage = 0.1;

    /// <summary>Scores are clipped to [0, <see cref="MaxScore"/>], TMO setting.</summary>
    public const double MaxScore = 2.0;

    /// <inheritdoc />
    public bool DependsOnOrder => false;

    /// <inheritdoc />
    public void ScoreActions(TmoDialogue dialogue, int turn, ReadOnlySpan<int> history, Span<double> scores)
    {
        var draw = dialogue.Turns[turn].Draw
            ?? throw new InvalidOperationException($"dialogue {dialogue.Id} turn {turn} has no synthetic draws; logged data needs the nearest-neighbour estimator");
        var imagesSoFar = 0;
        for (var j = 0; j < turn; j++)
        {
            imagesSoFar += space.ImageCount(history[j]);
        }

        scores[ModalityActionSpace.Local] = draw.LocalScore;
        for (var action = 1; action < space.ActionCount; action++)
        {
            var images = imagesSoFar + space.ImageCount(action);
            scores[action] = Math.Clamp(CloudBase + (GainPerImage * images) + draw.CloudNoise, 0, MaxScore);
        }
    }
}
