using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Cli.Output;
using Controller.Cli.Policies;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Persistence.Hosting;
using Controller.Persistence.Stores;
using Controller.Service.Extensions;
using Controller.Service.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller policy list|show|register|shadow|canary|promote|rollback|evaluate</c>: the policy registry, against the same
/// database the service uses (<c>--store</c>, <c>--connection-string</c> as for <c>serve</c>). Tables for people,
/// <c>--json</c> for scripts. A refused change prints one line with the reason and exits 2.
/// </summary>
internal static partial class PolicyCommand
{
    private const int Refused = 2;

    /// <param name="output">Where tables and JSON go (standard output by default; tests capture it).</param>
    /// <param name="configure">Adds services, e.g. the bundle loader, to the registry's container.</param>
    public static Command Create(TextWriter? output = null, TextWriter? error = null, Action<IServiceCollection>? configure = null)
    {
        var io = new Io(output ?? Console.Out, error ?? Console.Error, configure);
        var command = new Command("policy", "Policy registry: register bundles and move versions through candidate → shadow → canary → active, or roll them back.")
        {
            List(io), Show(io), Register(io),
            Move(io, "shadow", "Score live requests with the version in parallel; its choices are logged, never returned.", Step.Shadow),
            Move(io, "canary", "Let the version decide for Policies:CanaryShare of devices (goes through the promotion gate).", Step.Canary),
            Move(io, "promote", "Make the version active, retiring the active one (goes through the promotion gate).", Step.Promote),
            Move(io, "rollback", "Take a shadow, canary or active version out of service; an active one gives way to the version it replaced.", Step.Rollback),
            Evaluate(io),
        };
        return command;
    }

    private enum Step { Shadow, Canary, Promote, Rollback }

    private sealed record Io(TextWriter Output, TextWriter Error, Action<IServiceCollection>? Configure);

    private sealed class StoreArgs
    {
        public Option<string> Store { get; } = new("--store") { Description = "Sqlite or Postgres (as for serve).", DefaultValueFactory = _ => new StoreOptions().Provider.ToString() };

        public Option<string> Connection { get; } = new("--connection-string") { Description = $"Store connection string (default {new StoreOptions().ConnectionString}).", DefaultValueFactory = _ => new StoreOptions().ConnectionString };

        public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of a table." };

        public void AddTo(Command command)
        {
            command.Options.Add(Store);
            command.Options.Add(Connection);
            command.Options.Add(Json);
        }

        public async Task<ServiceProvider> OpenAsync(ParseResult parse, Io io, CancellationToken cancellationToken)
        {
            var text = parse.GetValue(Store)!;
            if (!Enum.TryParse<StoreProvider>(text, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
            {
                throw new ArgumentException($"--store must be one of {string.Join(", ", Enum.GetNames<StoreProvider>())}, got '{text}'");
            }

            var services = new ServiceCollection();
            services.AddControllerPersistence(new StoreOptions { Provider = provider, ConnectionString = parse.GetValue(Connection)! });
            var configuration = new ConfigurationBuilder().Build();
            services.AddCliPolicyGate(configuration);
            services.AddPolicyRegistry(configuration);
            io.Configure?.Invoke(services);
            var provided = services.BuildServiceProvider();
            await DatabaseMigrator.MigrateAsync(provided, cancellationToken);
            return provided;
        }
    }

    private static Command List(Io io)
    {
        var store = new StoreArgs();
        var command = new Command("list", "Every registered version with its state.");
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await store.OpenAsync(parse, io, ct);
            var rows = await services.GetRequiredService<PolicyStore>().ListAsync(ct);
            if (parse.GetValue(store.Json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(rows.Select(Summary), JsonOptions));
                return 0;
            }

            TextTable.Write(io.Output, ["name", "version", "status", "algorithm", "created", "activated"],
                rows.Select(p => (IReadOnlyList<string>)[p.Name, p.Version, p.Status.ToString(), p.Algorithm, Time(p.CreatedAt), p.ActivatedAt is { } a ? Time(a) : "-"]));
            return 0;
        });
        return command;
    }

    private static Command Show(Io io)
    {
        var store = new StoreArgs();
        var (name, version) = NameAndVersion();
        var command = new Command("show", "One version: state, bundle and its lifecycle history (when, who, why).") { name, version };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await store.OpenAsync(parse, io, ct);
            var (n, v) = (parse.GetValue(name)!, parse.GetValue(version)!);
            var policy = await services.GetRequiredService<PolicyStore>().FindAsync(n, v, ct);
            if (policy is null)
            {
                return Refuse(io, "show", $"no policy {n}/{v} is registered");
            }

            var registry = services.GetRequiredService<PolicyRegistryStore>();
            var bundle = await registry.FindBundleAsync(n, v, ct);
            var history = await registry.HistoryAsync(n, v, ct);
            if (parse.GetValue(store.Json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    policy = Summary(policy),
                    bundle = bundle is null ? null : new { urlPath = PolicyPackage.UrlPath(n, v), sha256 = bundle.PackageSha256, sizeBytes = bundle.PackageSizeBytes },
                    history = history.Select(h => new { from = h.FromStatus?.ToString(), to = h.ToStatus.ToString(), at = h.ChangedAt, by = h.ChangedBy, reason = h.Reason, gateOverridden = h.GateOverridden }),
                }, JsonOptions));
                return 0;
            }

            io.Output.WriteLine($"{n}/{v}: {policy.Status} ({policy.Algorithm})");
            io.Output.WriteLine(bundle is null
                ? "bundle: none (built-in policy)"
                : string.Create(CultureInfo.InvariantCulture, $"bundle: {PolicyPackage.UrlPath(n, v)}  sha256 {bundle.PackageSha256}  {bundle.PackageSizeBytes} bytes"));
            TextTable.Write(io.Output, ["at", "from", "to", "by", "override", "reason"],
                history.Select(h => (IReadOnlyList<string>)[Time(h.ChangedAt), h.FromStatus?.ToString() ?? "-", h.ToStatus.ToString(), h.ChangedBy, h.GateOverridden ? "yes" : "", h.Reason]));
            return 0;
        });
        return command;
    }

    private static Command Register(Io io)
    {
        var store = new StoreArgs();
        var bundle = new Argument<string>("bundle") { Description = "Bundle directory holding manifest.json and its weights file (as 'controller train' writes it)." };
        var (by, reason) = WhoAndWhy();
        var command = new Command("register", "Check a bundle (format, weights hash, fit for this service) and store it as a candidate.") { bundle, by, reason };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(bundle)!;
            var manifestPath = Path.Combine(directory, Learning.Policies.PolicyBundleSerializer.ManifestFile);
            var manifest = await File.ReadAllBytesAsync(manifestPath, ct);
            var weightsFile = WeightsFile(manifest);
            var weights = await File.ReadAllBytesAsync(Path.Combine(directory, weightsFile), ct);
            await using var services = await store.OpenAsync(parse, io, ct);
            var result = await services.GetRequiredService<PolicyRegistry>().RegisterAsync(manifest, weights, parse.GetValue(by)!, parse.GetValue(reason)!, ct);
            if (!result.Registered)
            {
                return Refuse(io, "register", result.Refusal!);
            }

            WriteChange(io, parse.GetValue(store.Json), result.Policy!, null, null);
            return 0;
        });
        return command;
    }

    private static Command Move(Io io, string verb, string description, Step step)
    {
        var store = new StoreArgs();
        var (name, version) = NameAndVersion();
        var (by, reason) = WhoAndWhy();
        var overrideGate = new Option<bool>("--override") { Description = "Proceed although the promotion gate refuses; recorded in the history with the gate's reasons (needs --by and --reason)." };
        var command = new Command(verb, description) { name, version, by, reason };
        if (step is Step.Canary or Step.Promote)
        {
            command.Options.Add(overrideGate);
        }

        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (n, v, who, why) = (parse.GetValue(name)!, parse.GetValue(version)!, parse.GetValue(by)!, parse.GetValue(reason)!);
            await using var services = await store.OpenAsync(parse, io, ct);
            var registry = services.GetRequiredService<PolicyRegistry>();
            var overriding = parse.GetValue(overrideGate) ? new PromotionOverride(who, why) : null;
            var result = step switch
            {
                Step.Shadow => await registry.ShadowAsync(n, v, who, why, ct),
                Step.Rollback => await registry.RollbackAsync(n, v, who, why, ct),
                Step.Canary => (await registry.CanaryAsync(n, v, who, why, overriding, ct)).Result,
                _ => (await registry.PromoteAsync(n, v, who, why, overriding, ct)).Result,
            };
            if (!result.Changed)
            {
                var hint = step is Step.Canary or Step.Promote && overriding is null && result.Refusal!.Contains("promotion gate", StringComparison.Ordinal)
                    ? " (to proceed anyway: --override --by NAME --reason TEXT)" : "";
                return Refuse(io, verb, result.Refusal + hint);
            }

            WriteChange(io, parse.GetValue(store.Json), result.Policy!, result.Replaced, result.Restored);
            return 0;
        });
        return command;
    }

    private static (Argument<string> Name, Argument<string> Version) NameAndVersion() =>
        (new Argument<string>("name") { Description = "Policy name." }, new Argument<string>("version") { Description = "Policy version." });

    private static (Option<string> By, Option<string> Reason) WhoAndWhy()
    {
        var by = new Option<string>("--by") { Description = "Who makes the change (recorded in the history).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the history).", Required = true };
        return (by, reason);
    }

    private static void WriteChange(Io io, bool json, PolicyEntity policy, PolicyEntity? replaced, PolicyEntity? restored)
    {
        if (json)
        {
            io.Output.WriteLine(JsonSerializer.Serialize(new { policy = Summary(policy), replaced = replaced is null ? null : Summary(replaced), restored = restored is null ? null : Summary(restored) }, JsonOptions));
            return;
        }

        io.Output.WriteLine($"{policy.Name}/{policy.Version} is now {policy.Status}"
            + (replaced is null ? "" : $"; {replaced.Name}/{replaced.Version} retired")
            + (restored is null ? "" : $"; {restored.Name}/{restored.Version} active again"));
    }

    private static int Refuse(Io io, string verb, string reason)
    {
        io.Error.WriteLine($"controller policy {verb}: {reason}");
        return Refused;
    }

    private static object Summary(PolicyEntity p) =>
        new { name = p.Name, version = p.Version, status = p.Status.ToString(), algorithm = p.Algorithm, createdAt = p.CreatedAt, activatedAt = p.ActivatedAt };

    private static string WeightsFile(byte[] manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("weightsFile", out var file)
                && file.ValueKind == JsonValueKind.String && Path.GetFileName(file.GetString()) == file.GetString() && !string.IsNullOrWhiteSpace(file.GetString()))
            {
                return file.GetString()!;
            }
        }
        catch (JsonException)
        {
            // The registry reports malformed JSON with its position; read the default weights file meanwhile.
        }

        return Learning.Policies.PolicyBundleSerializer.DefaultWeightsFile;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
