using Controller.Learning.Policies;
using Controller.Persistence;
using Controller.Persistence.Entities;
using Controller.Persistence.Stores;
using Controller.Service.Options;
using Microsoft.Extensions.Options;

namespace Controller.Service.Policies;

/// <summary>
/// The policy lifecycle as operators drive it (the CLI) and the rollback monitor uses it: register a bundle, then
/// shadow → canary → active, rollback and retire. Registration refuses a bundle that does not read (bad JSON, weights
/// hash mismatch, unknown format version, tensors that do not fit) or that the loader calls incompatible, so such a
/// bundle never becomes a candidate. Canary and active go through the <see cref="IPromotionGate"/>; a refusal stops
/// the move unless overridden, and the override is recorded with the gate's reasons.
/// </summary>
public sealed class PolicyRegistry(
    PolicyRegistryStore registry,
    PolicyStore policies,
    DecisionStore decisions,
    BundleLoaderAccess loaders,
    IPromotionGate gate,
    IOptions<PoliciesOptions> options,
    TimeProvider clock)
{
    /// <summary>Checks and stores a bundle as a new candidate; <paramref name="manifest"/> and <paramref name="weights"/> are the two files' bytes.</summary>
    public async Task<RegistrationResult> RegisterAsync(byte[] manifest, byte[] weights, string by, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(weights);
        if (loaders.Loader is not { } loader)
        {
            return new RegistrationResult(null, BundleLoaderAccess.Missing);
        }

        PolicyBundle bundle;
        string manifestText;
        try
        {
            manifestText = PolicyPackage.Utf8(manifest);
            bundle = StoredBundles.Read(manifest, weights, "bundle");
        }
        catch (Exception ex) when (ex is PolicyBundleException or System.Text.DecoderFallbackException)
        {
            return new RegistrationResult(null, ex.Message);
        }

        var (name, version) = (bundle.Manifest.Name, bundle.Manifest.Version);
        if (loader.Incompatibility(bundle.Manifest) is { } incompatibility)
        {
            return new RegistrationResult(null, $"{name}/{version} cannot serve here: {incompatibility}");
        }

        try
        {
            loader.Load(bundle);
        }
        catch (PolicyBundleException ex)
        {
            return new RegistrationResult(null, $"{name}/{version} does not load: {ex.Message}");
        }

        var package = PolicyPackage.Build(name, version, manifestText, bundle.Manifest.WeightsFile, weights);
        var policy = new PolicyEntity { Name = name, Version = version, Algorithm = bundle.Manifest.Algorithm, ManifestJson = manifestText };
        var stored = new PolicyBundleEntity
        {
            Name = name,
            Version = version,
            Weights = weights,
            PackageSha256 = PolicyPackage.Sha256(package),
            PackageSizeBytes = package.Length,
        };
        try
        {
            if (!await registry.RegisterAsync(policy, stored, Note(by, reason), cancellationToken).ConfigureAwait(false))
            {
                return new RegistrationResult(null, $"{name}/{version} is already registered; versions are immutable, give the bundle a new version");
            }
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            return new RegistrationResult(null, ex.Message);
        }

        return new RegistrationResult(policy, null);
    }

    /// <summary>Starts scoring live requests with the version, logged but never returned. Several shadows may run.</summary>
    public Task<PolicyTransitionResult> ShadowAsync(string name, string version, string by, string reason, CancellationToken cancellationToken) =>
        registry.TransitionAsync(name, version, PolicyStatus.Shadow, Note(by, reason), cancellationToken);

    /// <summary>Lets the version decide for <see cref="PoliciesOptions.CanaryShare"/> of devices, if the gate passes it or <paramref name="overrideGate"/> is given.</summary>
    public Task<GatedTransition> CanaryAsync(string name, string version, string by, string reason, PromotionOverride? overrideGate, CancellationToken cancellationToken) =>
        GatedAsync(name, version, PolicyStatus.Canary, by, reason, overrideGate, cancellationToken);

    /// <summary>Makes the version active (retiring the active one), if the gate passes it or <paramref name="overrideGate"/> is given.</summary>
    public Task<GatedTransition> PromoteAsync(string name, string version, string by, string reason, PromotionOverride? overrideGate, CancellationToken cancellationToken) =>
        GatedAsync(name, version, PolicyStatus.Active, by, reason, overrideGate, cancellationToken);

    /// <summary>Takes a shadow, canary or active version out of service; the active one gives way to the version it replaced.</summary>
    public Task<PolicyTransitionResult> RollbackAsync(string name, string version, string by, string reason, CancellationToken cancellationToken) =>
        registry.TransitionAsync(name, version, PolicyStatus.RolledBack, Note(by, reason), cancellationToken);

    /// <summary>Retires a version that is not active.</summary>
    public Task<PolicyTransitionResult> RetireAsync(string name, string version, string by, string reason, CancellationToken cancellationToken) =>
        registry.TransitionAsync(name, version, PolicyStatus.Retired, Note(by, reason), cancellationToken);

    private async Task<GatedTransition> GatedAsync(
        string name, string version, PolicyStatus target, string by, string reason, PromotionOverride? overrideGate, CancellationToken cancellationToken)
    {
        var candidate = await policies.FindAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (candidate is null)
        {
            return new GatedTransition(null, PolicyTransitionResult.Refused($"no policy {name}/{version} is registered"));
        }

        var active = await policies.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        var limit = options.Value.GateEvidenceLimit;
        var logged = await decisions.ListWithOutcomesAsync(DateTimeOffset.UnixEpoch, limit, cancellationToken).ConfigureAwait(false);
        var shadows = await registry.ListShadowDecisionsAsync(name, version, DateTimeOffset.UnixEpoch, limit, cancellationToken).ConfigureAwait(false);
        var verdict = await gate.EvaluateAsync(new PromotionRequest(candidate, active, target, new PromotionEvidence(logged, shadows)), cancellationToken).ConfigureAwait(false);
        var gateText = string.Join("; ", verdict.Reasons);
        PolicyChangeNote note;
        if (verdict.Passed)
        {
            note = Note(by, $"{reason} (gate passed: {gateText})");
        }
        else if (overrideGate is not null)
        {
            note = Note(overrideGate.By, $"gate refused: {gateText}; overridden by {overrideGate.By}: {overrideGate.Reason}") with { GateOverridden = true };
        }
        else
        {
            return new GatedTransition(verdict, PolicyTransitionResult.Refused($"the promotion gate refused {name}/{version}: {gateText}"));
        }

        var result = await registry.TransitionAsync(name, version, target, note, cancellationToken).ConfigureAwait(false);
        return new GatedTransition(verdict, result);
    }

    private PolicyChangeNote Note(string by, string reason) => new(clock.GetUtcNow(), by, reason);
}

/// <summary>A canary or promotion attempt: the gate's verdict (null when the version is unknown) and the change made or refused.</summary>
public sealed record GatedTransition(PromotionVerdict? Verdict, PolicyTransitionResult Result);
