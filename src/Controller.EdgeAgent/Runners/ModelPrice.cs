namespace Controller.EdgeAgent.Runners;

/// <summary>What a model charges, US dollars per million tokens; zero for a model on the device.</summary>
public sealed record ModelPrice(double UsdPerMillionInputTokens, double UsdPerMillionOutputTokens)
{
    public static ModelPrice Free { get; } = new(0, 0);

    public double CostUsd(long inputTokens, long outputTokens) =>
        ((inputTokens * UsdPerMillionInputTokens) + (outputTokens * UsdPerMillionOutputTokens)) / 1e6;
}
