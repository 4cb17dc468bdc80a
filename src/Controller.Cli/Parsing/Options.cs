using System.CommandLine.Parsing;

namespace Controller.Cli.Parsing;

/// <summary>Custom parsers shared by commands, reporting errors through System.CommandLine so usage is printed.</summary>
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
}
