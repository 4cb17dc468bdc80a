using Microsoft.Extensions.Options;

namespace Controller.Persistence;

/// <summary>Rejects store options that cannot work, naming the <c>Store:</c> key and the value.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.Provider)} '{options.Provider}' is not one of: {string.Join(", ", Enum.GetNames<StoreProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.ConnectionString)} is empty; set it to an ADO.NET connection string for the {options.Provider} provider.");
        }

        if (!double.IsFinite(options.StartupTimeoutSeconds) || options.StartupTimeoutSeconds < 0)
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.StartupTimeoutSeconds)} '{options.StartupTimeoutSeconds}' must be a finite number of seconds, zero or more.");
        }

        if (options.SqliteBusyTimeoutMs < 0)
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.SqliteBusyTimeoutMs)} '{options.SqliteBusyTimeoutMs}' must be zero or more milliseconds.");
        }

        if (options.DecisionLogCapacity < 1)
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.DecisionLogCapacity)} '{options.DecisionLogCapacity}' must be at least 1 decision.");
        }

        if (options.DecisionLogMaxBatch < 1)
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.DecisionLogMaxBatch)} '{options.DecisionLogMaxBatch}' must be at least 1 decision.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates options passed in code; throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(StoreOptions options)
    {
        var result = new StoreOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StoreOptions), result.Failures);
        }
    }
}
