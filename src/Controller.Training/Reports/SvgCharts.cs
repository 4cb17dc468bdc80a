using System.Globalization;
using System.Security;
using System.Text;
using Controller.Training.Tmo.Evaluation;

namespace Controller.Training.Reports;

/// <summary>Dependency-free SVG charts: reward against cost per method, and learning curves.</summary>
public static class SvgCharts
{
    private const int Width = 760, Height = 460, Left = 70, Right = 220, Top = 30, Bottom = 50;

    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"];

    /// <summary>
    /// One point per method: mean reward (y) against mean cost (x, usage in dollars or latency in
    /// seconds), with ±sd bars on both axes.
    /// </summary>
    public static string RewardAgainstCost(EvaluationReport report, bool latencyAxis)
    {
        var points = report.Summaries.Select(s => (s.Method, X: latencyAxis ? s.LatencyS : s.UsageUsd, Y: s.Reward)).ToList();
        var xLabel = latencyAxis ? "latency per dialogue (s)" : "usage per dialogue ($)";
        var budget = latencyAxis ? report.Settings.Options.LatencyBudgetS : report.Settings.Options.UsageBudgetUsd;
        return Scatter($"Reward against {xLabel} — {report.Settings.Network.Name}", xLabel, "reward per turn", points, budget);
    }

    /// <summary>
    /// One point per named series: mean y against mean x with ±sd bars on both axes, and a dashed vertical
    /// "budget" line at <paramref name="budget"/> when given.
    /// </summary>
    public static string Scatter(string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, MeanAndDeviation X, MeanAndDeviation Y)> points, double? budget)
    {
        var xs = points.SelectMany(p => new[] { p.X.Mean - p.X.StandardDeviation, p.X.Mean + p.X.StandardDeviation }).ToList();
        var ys = points.SelectMany(p => new[] { p.Y.Mean - p.Y.StandardDeviation, p.Y.Mean + p.Y.StandardDeviation }).ToList();
        xs.Add(0);
        if (budget is { } b)
        {
            xs.Add(b);
        }

        var frame = new Frame(xs.Min(), xs.Max(), ys.Count == 0 ? 0 : ys.Min(), ys.Count == 0 ? 1 : ys.Max());
        var svg = Begin(title, xLabel, yLabel, frame);
        if (budget is { } line)
        {
            var bx = frame.X(line);
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{bx:F1}\" y1=\"{Top}\" x2=\"{bx:F1}\" y2=\"{Height - Bottom}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{bx + 3:F1}\" y=\"{Top + 12}\" font-size=\"11\" fill=\"#d62728\">budget</text>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var (method, x, y) = points[i];
            var colour = Palette[i % Palette.Length];
            var cx = frame.X(x.Mean);
            var cy = frame.Y(y.Mean);
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{frame.X(x.Mean - x.StandardDeviation):F1}\" y1=\"{cy:F1}\" x2=\"{frame.X(x.Mean + x.StandardDeviation):F1}\" y2=\"{cy:F1}\" stroke=\"{colour}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{cx:F1}\" y1=\"{frame.Y(y.Mean - y.StandardDeviation):F1}\" x2=\"{cx:F1}\" y2=\"{frame.Y(y.Mean + y.StandardDeviation):F1}\" stroke=\"{colour}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<circle cx=\"{cx:F1}\" cy=\"{cy:F1}\" r=\"5\" fill=\"{colour}\"><title>{Escape(method)}</title></circle>");
            Legend(svg, i, method, colour);
        }

        return End(svg);
    }

    /// <summary>Learning curves: one polyline per named series of (timestep, value) points.</summary>
    public static string LearningCurves(IReadOnlyList<(string Name, IReadOnlyList<(double Step, double Value)> Points)> series, string valueLabel)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        var frame = all.Count == 0
            ? new Frame(0, 1, 0, 1)
            : new Frame(all.Min(p => p.Step), all.Max(p => p.Step), all.Min(p => p.Value), all.Max(p => p.Value));
        var svg = Begin("Learning curves", "environment steps", valueLabel, frame);
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Palette[i % Palette.Length];
            var path = string.Join(' ', series[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{frame.X(p.Step):F1},{frame.Y(p.Value):F1}")));
            svg.AppendLine(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
            Legend(svg, i, series[i].Name, colour);
        }

        return End(svg);
    }

    private static StringBuilder Begin(string title, string xLabel, string yLabel, Frame frame)
    {
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\">");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\">{Escape(title)}</text>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#444\"/>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var xv = frame.XMin + ((frame.XMax - frame.XMin) * tick / 4);
            var yv = frame.YMin + ((frame.YMax - frame.YMin) * tick / 4);
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{frame.X(xv):F1}\" y=\"{Height - Bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{Tick(xv)}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{frame.Y(yv) + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{Tick(yv)}</text>");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">{Escape(yLabel)}</text>");
        return svg;
    }

    private static void Legend(StringBuilder svg, int index, string name, string colour)
    {
        var y = Top + 10 + (index * 18);
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{y - 8}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 28}\" y=\"{y + 1}\" font-size=\"11\">{Escape(name)}</text>");
    }

    private static string End(StringBuilder svg) => svg.AppendLine("</svg>").ToString();

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Tick(double value) => Math.Abs(value) >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("F2", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);

    private readonly record struct Frame(double XMin, double XMax, double YMin, double YMax)
    {
        public double X(double value) => Left + ((value - XMin) / Span(XMin, XMax) * (Width - Left - Right));

        public double Y(double value) => Height - Bottom - ((value - YMin) / Span(YMin, YMax) * (Height - Top - Bottom));

        private static double Span(double min, double max) => max > min ? max - min : 1;
    }
}
