namespace Controller.Testing;

/// <summary>
/// A RabbitMQ broker address taken apart from an AMQP URI, in the pieces MassTransit's
/// <c>cfg.Host(host, port, virtualHost, h =&gt; { h.Username(..); h.Password(..); })</c> and the
/// service's <c>Bus:RabbitMq:*</c> settings want.
/// </summary>
/// <param name="Host">Host name or address, e.g. <c>127.0.0.1</c>.</param>
/// <param name="Port">AMQP port, 5672 unless the URI says otherwise (5671 for <c>amqps</c>).</param>
/// <param name="VirtualHost">Virtual host, <c>/</c> unless the URI's path names another.</param>
/// <param name="Username">User name, <c>guest</c> when the URI has none.</param>
/// <param name="Password">Password, <c>guest</c> when the URI has none.</param>
/// <param name="UseTls">True for the <c>amqps</c> scheme.</param>
public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>RabbitMQ's default credentials, used when a URI carries none.</summary>
    public const string DefaultCredential = "guest";

    /// <summary>The endpoint as an AMQP URI (virtual host percent-encoded, as the AMQP URI spec asks).</summary>
    public Uri Uri => new UriBuilder(UseTls ? "amqps" : "amqp", Host, Port, "/" + Uri.EscapeDataString(VirtualHost))
    {
        UserName = Uri.EscapeDataString(Username),
        Password = Uri.EscapeDataString(Password),
    }.Uri;

    /// <summary>
    /// Parses an AMQP URI (<c>amqp://user:password@host:port/vhost</c>). An empty path or a lone
    /// <c>/</c> means the default virtual host <c>/</c>; <c>%2F</c> and other escapes are decoded.
    /// </summary>
    /// <param name="uri">The URI text.</param>
    /// <param name="source">Where the text came from (a variable name), quoted in errors.</param>
    /// <exception cref="FormatException">The text is not an amqp/amqps URI; the message names the
    /// source and the offending value (password hidden).</exception>
    public static RabbitMqEndpoint Parse(string uri, string source)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            throw new FormatException(
                $"{source}='{RedactUnparsed(uri)}' is not an absolute AMQP URI; expected e.g. '{RabbitMqTestSettings.DefaultUri}'.");
        }

        var useTls = parsed.Scheme switch
        {
            "amqp" => false,
            "amqps" => true,
            _ => throw new FormatException(
                $"{source} has scheme '{parsed.Scheme}'; expected amqp or amqps, e.g. '{RabbitMqTestSettings.DefaultUri}'."),
        };

        var port = parsed.IsDefaultPort || parsed.Port < 0 ? (useTls ? 5671 : 5672) : parsed.Port;
        var path = parsed.AbsolutePath;
        if (path.Length > 1 && path.IndexOf('/', 1) >= 0)
        {
            throw new FormatException(
                $"{source} has path '{path}'; an AMQP URI's path is one segment, the virtual host (write '/' inside it as %2F).");
        }

        var virtualHost = path.Length <= 1 ? "/" : Uri.UnescapeDataString(path[1..]);
        var (username, password) = SplitUserInfo(parsed.UserInfo);
        return new RabbitMqEndpoint(parsed.Host, port, virtualHost, username, password, useTls);
    }

    /// <summary>The endpoint without its password, for messages and logs.</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    private static (string Username, string Password) SplitUserInfo(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return (DefaultCredential, DefaultCredential);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), string.Empty)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    // Hides whatever stands between the scheme and the last '@' (user and password) in text that did not parse.
    private static string RedactUnparsed(string text)
    {
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return text;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        return text[..start] + "***" + text[at..];
    }
}
