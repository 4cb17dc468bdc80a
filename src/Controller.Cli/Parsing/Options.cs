using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Controller.Cli.Parsing;

/// <summary>Custom parsers and validators shared by commands, reporting errors through System.CommandLine so they name the option.</summary>
internal static class Options
{
    public static TimeSpan ParseDuration(ArgumentResult result, bool allowZero = false)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (allowZero && text.Trim() is "0" or "0s" or "0ms")
        {
            return TimeSpan.Zero;
        }

        if (DurationParser.TryParse(text, out var value, out var error))
        {
            return value;
        }

        result.AddError(error!);
        return default;
    }

    public static Uri? ParseUri(ArgumentResult result, params string[] schemes)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return uri;
        }

        result.AddError($"'{text}' is not a valid address for {result.Parent?.ToString() ?? "this option"}; expected {string.Join(" or ", schemes.Select(s => s + "://…"))}.");
        return null;
    }

    /// <summary>Rejects values outside <paramref name="min"/>..<paramref name="max"/> (no upper limit when <paramref name="max"/> is omitted).</summary>
    public static Option<T> Within<T>(this Option<T> option, T min, T? max = null)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue(result, out T value))
            {
                return;
            }

            if (value < min || (max is { } limit && value > limit))
            {
                var range = max is { } top ? string.Create(CultureInfo.InvariantCulture, $"in {min}..{top}") : string.Create(CultureInfo.InvariantCulture, $"≥ {min}");
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be {range}, got {value}"));
            }
        });
        return option;
    }

    /// <summary>Rejects zero, negative, infinite and NaN values.</summary>
    public static Option<double> PositiveFinite(this Option<double> option)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue(result, out double value))
            {
                return;
            }

            if (!(value > 0) || double.IsInfinity(value))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a finite number > 0, got {value}"));
            }
        });
        return option;
    }

    /// <summary>
    /// Runs <paramref name="resolve"/> on the value of <paramref name="option"/> and, when it rejects the value,
    /// rethrows its <see cref="ArgumentException"/> with the option's name in front of the message.
    /// </summary>
    public static T Named<T>(string option, Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            var message = ex.ParamName is { } parameter ? ex.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : ex.Message;
            throw new ArgumentException($"{option}: {message}", ex);
        }
    }

    // A token that does not convert makes GetValueOrDefault throw; System.CommandLine reports that error itself.
    private static bool TryGetValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
