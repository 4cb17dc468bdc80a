using Controller.Offloading.Devices;

namespace Controller.Training.EdgeCloud.Environments;

/// <summary>No thermal throttling: the device always runs at its nominal speed (what <c>--thermal off</c> simulates).</summary>
public sealed class NominalSpeed : IThermalModel
{
    public double SpeedFactor => 1;

    public void Advance(double busySeconds, double idleSeconds)
    {
    }

    public void Reset()
    {
    }
}
