namespace Controller.Offloading.Devices;

/// <summary>
/// First-order (RC) thermal model of one device. Busy time moves the temperature towards the busy
/// steady state, idle time towards ambient, both exactly (T ← T_target + (T − T_target)·e^(−t/τ)), so
/// the result does not depend on how a run is cut into calls. <see cref="SpeedFactor"/> is the
/// governor's curve at the current temperature. Stateful: one instance per simulated device.
/// </summary>
public sealed class ThermalModel : IThermalModel
{
    public ThermalModel(ThermalProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        Profile = profile;
        TemperatureC = profile.AmbientC;
    }

    /// <summary>A cool device of <paramref name="deviceClass"/>, with its <see cref="ThermalProfiles"/> entry.</summary>
    public static ThermalModel For(string deviceClass) => new(ThermalProfiles.Get(deviceClass));

    public ThermalProfile Profile { get; }

    /// <summary>Current SoC temperature, °C.</summary>
    public double TemperatureC { get; private set; }

    public double SpeedFactor => Profile.SpeedAt(TemperatureC);

    public void Advance(double busySeconds, double idleSeconds)
    {
        if (!double.IsFinite(busySeconds) || busySeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(busySeconds), busySeconds, "Busy time must be a finite number of seconds ≥ 0.");
        }

        if (!double.IsFinite(idleSeconds) || idleSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(idleSeconds), idleSeconds, "Idle time must be a finite number of seconds ≥ 0.");
        }

        TemperatureC = Relax(TemperatureC, Profile.BusySteadyStateC, busySeconds);
        TemperatureC = Relax(TemperatureC, Profile.AmbientC, idleSeconds);
    }

    public void Reset() => TemperatureC = Profile.AmbientC;

    private double Relax(double from, double towards, double seconds) =>
        towards + ((from - towards) * Math.Exp(-seconds / Profile.TimeConstantSeconds));
}
