using System.Globalization;

namespace Controller.Service.Policies;

/// <summary>
/// The rollback monitor's statistics, one-sided at significance α:
/// <list type="bullet">
/// <item>reward: Welch's statistic t = (m_c − m_b + margin) / √(s_c²/n_c + s_b²/n_b); degraded when Φ(t) &lt; α, i.e. the
/// candidate's mean is below the baseline's by more than the margin. Φ is the normal CDF: with at least 30 samples per
/// side (the option's floor) Welch's t quantile is within a few percent of the normal one.</item>
/// <item>violations: the two-proportion z = (p_c − p_b − margin) / √(p_c(1−p_c)/n_c + p_b(1−p_b)/n_b) (unpooled, as the
/// null hypothesis has a margin); degraded when 1 − Φ(z) &lt; α.</item>
/// </list>
/// </summary>
public static class DegradationTest
{
    /// <summary>Null when the candidate is not shown worse; otherwise the reason with the figures.</summary>
    public static string? Degradation(
        IReadOnlyList<(double Reward, bool Violated)> candidate, IReadOnlyList<(double Reward, bool Violated)> baseline,
        double significance, double rewardMargin, double violationMargin)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        if (candidate.Count < 2 || baseline.Count < 2)
        {
            throw new ArgumentException("Each side needs at least two samples.", nameof(candidate));
        }

        var (mc, vc) = MeanVariance(candidate.Select(s => s.Reward));
        var (mb, vb) = MeanVariance(baseline.Select(s => s.Reward));
        var rewardSe = Math.Sqrt((vc / candidate.Count) + (vb / baseline.Count));
        var rewardP = rewardSe > 0 ? NormalCdf((mc - mb + rewardMargin) / rewardSe) : (mc - mb + rewardMargin < 0 ? 0 : 1);
        if (rewardP < significance)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"mean reward {mc:F4} (n = {candidate.Count}) is below the baseline's {mb:F4} (n = {baseline.Count}) by more than {rewardMargin} (Welch one-sided p = {rewardP:G3} < {significance})");
        }

        double pc = candidate.Count(s => s.Violated) / (double)candidate.Count;
        double pb = baseline.Count(s => s.Violated) / (double)baseline.Count;
        var violationSe = Math.Sqrt((pc * (1 - pc) / candidate.Count) + (pb * (1 - pb) / baseline.Count));
        var violationP = violationSe > 0 ? 1 - NormalCdf((pc - pb - violationMargin) / violationSe) : (pc - pb - violationMargin > 0 ? 0 : 1);
        if (violationP < significance)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"budget-violation rate {pc:P1} (n = {candidate.Count}) is above the baseline's {pb:P1} (n = {baseline.Count}) by more than {violationMargin} (two-proportion z one-sided p = {violationP:G3} < {significance})");
        }

        return null;
    }

    /// <summary>Φ(x) = ½·erfc(−x/√2), erfc by Abramowitz and Stegun 7.1.26 (absolute error ≤ 1.5·10⁻⁷).</summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erfc = poly * Math.Exp(-z * z);
        return x >= 0 ? 1 - (erfc / 2) : erfc / 2;
    }

    private static (double Mean, double Variance) MeanVariance(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        var variance = list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
        return (mean, variance);
    }
}
