namespace Controller.Learning.Optim;

/// <summary>
/// Learning rate as a function of SB3's <c>progress_remaining</c>, which runs from 1 at the start of training to 0 at the end.
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>Learning rate when <paramref name="progressRemaining"/> of training is left.</summary>
    public abstract double At(double progressRemaining);

    /// <summary>The same rate throughout (SB3's default).</summary>
    public static LearningRateSchedule Constant(double rate) => new ConstantSchedule(rate);

    /// <summary>Linear from <paramref name="start"/> at the beginning to <paramref name="end"/> at the end.</summary>
    public static LearningRateSchedule Linear(double start, double end) => new LinearSchedule(start, end);
}

/// <summary>Constant learning rate.</summary>
public sealed record ConstantSchedule(double Rate) : LearningRateSchedule
{
    public override double At(double progressRemaining) => Rate;
}

/// <summary>Linear interpolation from <see cref="Start"/> (progress remaining 1) to <see cref="End"/> (progress remaining 0).</summary>
public sealed record LinearSchedule(double Start, double End) : LearningRateSchedule
{
    public override double At(double progressRemaining) => End + ((Start - End) * Math.Clamp(progressRemaining, 0.0, 1.0));
}
