namespace Controller.Cli.Demo;

internal sealed record DemoSettings(int Agents, TimeSpan Duration, TimeSpan Interval, int Seed, string? DatabasePath, bool Json, string Policy);
