using Microsoft.Extensions.DependencyInjection;

namespace Controller.Service.Policies;

/// <summary>
/// The <see cref="IPolicyBundleLoader"/> from DI when one is registered. A host without one (no learned-policy loader
/// in this build) still serves its built-in policy; registration and loading then say why they cannot proceed.
/// </summary>
public sealed class BundleLoaderAccess(IServiceProvider services)
{
    public const string Missing = "no IPolicyBundleLoader is registered in this controller, so it cannot check or load learned policy bundles";

    public IPolicyBundleLoader? Loader => services.GetService<IPolicyBundleLoader>();
}
