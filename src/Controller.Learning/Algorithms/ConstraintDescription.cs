using System.Globalization;

namespace Controller.Learning.Algorithms;

/// <summary>The run settings written beside the hyperparameters at run start.</summary>
internal static class ConstraintDescription
{
    public static Dictionary<string, string> Describe(TrainingSetup setup, int environments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed"] = setup.Seed.ToString(CultureInfo.InvariantCulture),
            ["environments"] = environments.ToString(CultureInfo.InvariantCulture),
        };
        var c = setup.Constraints;
        foreach (var budget in c.Budgets)
        {
            values[$"budget_{budget.CostName}"] = budget.Budget.ToString("R", CultureInfo.InvariantCulture);
        }

        if (c.Budgets.Count > 0)
        {
            values["multiplier_update"] = c.Pid is { } pid
                ? string.Create(CultureInfo.InvariantCulture, $"pid(kp={pid.Proportional}, ki={pid.Integral}, kd={pid.Derivative}, smoothing={pid.CostSmoothing})")
                : string.Create(CultureInfo.InvariantCulture, $"dual_ascent(lr={c.MultiplierLearningRate})");
            values["multiplier_init"] = c.InitialMultiplier.ToString("R", CultureInfo.InvariantCulture);
            values["multiplier_max"] = c.MaxMultiplier.ToString("R", CultureInfo.InvariantCulture);
        }

        return values;
    }
}
