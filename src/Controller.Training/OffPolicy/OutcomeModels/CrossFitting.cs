namespace Controller.Training.OffPolicy.OutcomeModels;

/// <summary>
/// The outcome model's two predictions per record that DR needs — q̂(xᵢ, aᵢ) and Σₐ π(a|xᵢ) q̂(xᵢ, a) — each from a
/// model that never saw record i.
/// </summary>
/// <remarks>
/// Why cross-fitting: a model fit on record i has partly memorised yᵢ, so the residual yᵢ − q̂(xᵢ, aᵢ) is shrunk toward
/// 0 and correlated with that record's own noise. The correction term then no longer has expectation
/// E_π[y − q̂]: DR is pulled toward the model's (biased) direct estimate, and the spread of the per-record terms
/// understates the real error, so the intervals undercover. With K folds, the model that predicts fold k is fit on the
/// other folds only, so it is independent of the records it corrects and E[wᵢ(yᵢ − q̂(xᵢ, aᵢ)) | q̂] is exactly the
/// target's residual: DR stays unbiased whatever the model's error (Chernozhukov et al. 2018, "double/debiased ML").
/// </remarks>
internal static class CrossFitting
{
    public static (double[] Direct, double[] Logged) Predict(
        IReadOnlyList<LoggedDecision> logs,
        double[][] target,
        OutcomeColumn outcome,
        IOutcomeModelTrainer trainer,
        int[] folds,
        int foldCount,
        int actionCount)
    {
        var direct = new double[logs.Count];
        var logged = new double[logs.Count];
        for (var k = 0; k < foldCount; k++)
        {
            var training = new List<LoggedDecision>();
            var held = new List<int>();
            for (var i = 0; i < logs.Count; i++)
            {
                if (folds[i] == k)
                {
                    held.Add(i);
                }
                else
                {
                    training.Add(logs[i]);
                }
            }

            var model = trainer.Fit(training, outcome, actionCount);
            var queries = new List<OutcomeQuery>();
            var owners = new List<(int Record, int Action)>();
            foreach (var i in held)
            {
                for (var a = 0; a < actionCount; a++)
                {
                    // Only the actions the target may take, and the logged one, enter DR: with hundreds of composite
                    // actions, predicting every one would cost far more than the estimate needs.
                    if (target[i][a] > 0 || a == logs[i].Action)
                    {
                        queries.Add(new OutcomeQuery(logs[i], a));
                        owners.Add((i, a));
                    }
                }
            }

            var predictions = model.Predict(queries);
            for (var q = 0; q < predictions.Length; q++)
            {
                var (i, a) = owners[q];
                direct[i] += target[i][a] * predictions[q];
                if (a == logs[i].Action)
                {
                    logged[i] = predictions[q];
                }
            }
        }

        return (direct, logged);
    }

    /// <summary>Fold of each record: a seeded shuffle dealt round-robin, so folds differ in size by at most one.</summary>
    public static int[] AssignFolds(int count, int foldCount, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var folds = new int[count];
        for (var position = 0; position < count; position++)
        {
            folds[order[position]] = position % foldCount;
        }

        return folds;
    }
}
