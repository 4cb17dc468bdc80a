namespace Controller.Offloading.Devices;

/// <summary>
/// A device class's first-order (RC) thermal behaviour and its governor's throttling curve. The SoC is
/// one thermal mass: under sustained local compute its temperature rises exponentially towards
/// <see cref="BusySteadyStateC"/> with time constant τ = R·C; idle, it falls towards
/// <see cref="AmbientC"/> with the same τ. Speed is 1 up to <see cref="ThrottleStartC"/> and falls
/// linearly to <see cref="SpeedFloor"/> at <see cref="ThrottleFullC"/> (the governor stepping clocks
/// down), flat below that.
/// </summary>
/// <param name="DeviceClass">Device class name, as in <see cref="DeviceProfiles"/>.</param>
/// <param name="AmbientC">Temperature of a cool, idle device, °C.</param>
/// <param name="BusySteadyStateC">Temperature sustained local decoding would settle at without throttling, °C (ambient + P·R_th).</param>
/// <param name="TimeConstantSeconds">τ = R_th·C_th, s.</param>
/// <param name="ThrottleStartC">Temperature at which clocks start to drop, °C.</param>
/// <param name="ThrottleFullC">Temperature at which the speed reaches its floor, °C.</param>
/// <param name="SpeedFloor">Lowest speed factor the governor goes down to, in (0, 1].</param>
public sealed record ThermalProfile(
    string DeviceClass,
    double AmbientC,
    double BusySteadyStateC,
    double TimeConstantSeconds,
    double ThrottleStartC,
    double ThrottleFullC,
    double SpeedFloor)
{
    /// <summary>Speed factor at <paramref name="temperatureC"/>.</summary>
    public double SpeedAt(double temperatureC)
    {
        if (temperatureC <= ThrottleStartC)
        {
            return 1;
        }

        if (temperatureC >= ThrottleFullC)
        {
            return SpeedFloor;
        }

        double fraction = (temperatureC - ThrottleStartC) / (ThrottleFullC - ThrottleStartC);
        return 1 - (fraction * (1 - SpeedFloor));
    }

    /// <summary>
    /// Continuous decoding from cool until throttling starts, s: −τ·ln((T_ss − T_start) / (T_ss − T_amb));
    /// infinite when the steady state stays below the threshold.
    /// </summary>
    public double SecondsToThrottle => SecondsToReach(ThrottleStartC);

    /// <summary>Continuous decoding from cool until the speed reaches its floor, s (infinite if it never does).</summary>
    public double SecondsToFloor => SecondsToReach(ThrottleFullC);

    private double SecondsToReach(double temperatureC) =>
        temperatureC >= BusySteadyStateC
            ? double.PositiveInfinity
            : -TimeConstantSeconds * Math.Log((BusySteadyStateC - temperatureC) / (BusySteadyStateC - AmbientC));

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first unusable field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DeviceClass))
        {
            throw new ArgumentException("Thermal profile needs a DeviceClass.", nameof(DeviceClass));
        }

        foreach (var (value, field) in new[]
        {
            (AmbientC, nameof(AmbientC)), (BusySteadyStateC, nameof(BusySteadyStateC)),
            (ThrottleStartC, nameof(ThrottleStartC)), (ThrottleFullC, nameof(ThrottleFullC)),
        })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Thermal profile '{DeviceClass}': {field} must be finite, got {value}.", field);
            }
        }

        if (!(BusySteadyStateC > AmbientC))
        {
            throw new ArgumentException($"Thermal profile '{DeviceClass}': BusySteadyStateC must be above AmbientC.", nameof(BusySteadyStateC));
        }

        if (!(ThrottleStartC > AmbientC && ThrottleFullC > ThrottleStartC))
        {
            throw new ArgumentException($"Thermal profile '{DeviceClass}': need AmbientC < ThrottleStartC < ThrottleFullC.", nameof(ThrottleFullC));
        }

        if (!double.IsFinite(TimeConstantSeconds) || TimeConstantSeconds <= 0)
        {
            throw new ArgumentException($"Thermal profile '{DeviceClass}': TimeConstantSeconds must be > 0.", nameof(TimeConstantSeconds));
        }

        if (!(SpeedFloor > 0 && SpeedFloor <= 1))
        {
            throw new ArgumentException($"Thermal profile '{DeviceClass}': SpeedFloor must be in (0, 1], got {SpeedFloor}.", nameof(SpeedFloor));
        }
    }
}
