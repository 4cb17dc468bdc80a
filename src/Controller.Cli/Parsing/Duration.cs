namespace Controller.Cli.Parsing;

/// <summary>
/// A duration option's value. It exists for its <see cref="ToString"/>: --help prints an option's default with it,
/// and a bare <see cref="TimeSpan"/> would show "00:00:00.0200000" where the command line says "20ms".
/// </summary>
internal readonly record struct Duration(TimeSpan Value)
{
    public static implicit operator TimeSpan(Duration duration) => duration.Value;

    public static implicit operator Duration(TimeSpan value) => new(value);

    public static Duration FromTimeSpan(TimeSpan value) => new(value);

    public TimeSpan ToTimeSpan() => Value;

    /// <summary>The shortest form <see cref="DurationParser"/> reads back: <c>30s</c>, <c>1m</c>, <c>200ms</c>, <c>0</c>.</summary>
    public override string ToString() => DurationParser.Format(Value);
}
