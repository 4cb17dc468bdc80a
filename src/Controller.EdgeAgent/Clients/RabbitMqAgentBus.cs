using Controller.Contracts;
using MassTransit;

namespace Controller.EdgeAgent.Clients;

/// <summary>A send-only MassTransit bus on RabbitMQ for agents (no consumers: responses use the bus's own temporary queue).</summary>
public static class RabbitMqAgentBus
{
    /// <param name="uri">e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>; the path is the virtual host.</param>
    public static async Task<IBusControl> StartAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new ArgumentException($"RabbitMQ address '{uri}' must use the amqp:// scheme.", nameof(uri));
        }

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.ConfigureJsonSerializerOptions(ContractJson.AddTo);
            var (user, password) = Credentials(uri);
            var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), virtualHost.Length == 0 ? "/" : virtualHost, h =>
            {
                h.Username(user);
                h.Password(password);
            });
        });
        try
        {
            await bus.StartAsync(cancellationToken);
        }
        catch
        {
            await bus.StopAsync(CancellationToken.None);
            throw;
        }

        return bus;
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts[0].Length == 0
            ? ("guest", "guest")
            : (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
