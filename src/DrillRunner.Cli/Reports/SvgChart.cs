using System.Globalization;
using System.Net;
using System.Text;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Reports;

/// <summary>
/// A measure over time as inline SVG: one circle.point per drill that measured it, coloured by
/// verdict, a line through them, and the objective as a dashed line. No script or font needed.
/// </summary>
internal static class SvgChart
{
    private const int Width = 640, Height = 220, Left = 64, Right = 16, Top = 14, Bottom = 30;

    public static string Render(string id, string title, IReadOnlyList<RunPoint> runs, Func<RunPoint, double?> measure, double objectiveSeconds)
    {
        var points = runs.Where(r => measure(r) is not null).Select(r => (Run: r, Value: measure(r)!.Value)).ToList();
        var inMinutes = Math.Max(objectiveSeconds, points.Count > 0 ? points.Max(p => p.Value) : 0) >= 120;
        var unit = inMinutes ? 60.0 : 1.0;
        var top = Math.Max(objectiveSeconds, points.Count > 0 ? points.Max(p => p.Value) : objectiveSeconds) * 1.15 / unit;
        top = top <= 0 ? 1 : top;
        var first = runs.Count > 0 ? runs.Min(r => r.StartedAt) : DateTimeOffset.UnixEpoch;
        var last = runs.Count > 0 ? runs.Max(r => r.StartedAt) : DateTimeOffset.UnixEpoch;
        var span = Math.Max(1, (last - first).TotalSeconds);

        double X(DateTimeOffset at) => runs.Count <= 1 || last == first ? Left + ((Width - Left - Right) / 2.0) : Left + ((at - first).TotalSeconds / span * (Width - Left - Right));
        double Y(double seconds) => Top + ((Height - Top - Bottom) * (1 - (seconds / unit / top)));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{Encode(id)}\" class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" data-points=\"{points.Count}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + ((Height - Top - Bottom) * (1 - fraction));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{top * fraction:0.#} {(inMinutes ? "min" : "s")}</text>");
        }

        if (runs.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 8}\">{first.UtcDateTime:yyyy-MM-dd}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{last.UtcDateTime:yyyy-MM-dd}</text>");
        }

        var objectiveY = Y(objectiveSeconds);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"objective\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{objectiveY:0.#}\" y2=\"{objectiveY:0.#}\"><title>objective {Text.Duration(objectiveSeconds)}</title></line>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"objective-label\" x=\"{Width - Right}\" y=\"{objectiveY - 4:0.#}\" text-anchor=\"end\">objective {Text.Duration(objectiveSeconds)}</text>");
        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"trend\" points=\"")
                .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Run.StartedAt):0.#},{Y(p.Value):0.#}")))
                .Append("\"/>");
        }

        foreach (var (run, value) in points)
        {
            var over = value > objectiveSeconds ? " over" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point {Css(run.Verdict)}{over}\" tabindex=\"0\" data-run=\"{Encode(run.RunId)}\" cx=\"{X(run.StartedAt):0.#}\" cy=\"{Y(value):0.#}\" r=\"5\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Text.Date(run.StartedAt)}: {Text.Duration(value)} ({Text.Verdict(run.Verdict)})</title></circle>");
        }

        if (points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no drill measured this in the window</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Css(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.FailObjective => "fail-objective",
        Verdict.Fail => "fail",
        _ => "error",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
