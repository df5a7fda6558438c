using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.Dashboard;

/// <summary>The dashboard's charts as Apache ECharts options: the one definition that the page hands to
/// <c>wwwroot/js/charts.js</c> in a <c>data-chart</c> attribute and that a server-side or Chromium-printed copy would
/// render alike (docs/dependencies.md). Every figure drawn is also in the data table beside the chart.</summary>
/// <remarks>Readable at 360 px: the legend sits under the plot, and the option's own media query (ECharts'
/// <c>baseOption</c> + <c>media</c>) labels every other month and tightens the margins when the chart is narrow. No
/// animation (WCAG 2.3.3 for those who asked the system for reduced motion; a dashboard gains nothing from it) and the
/// tooltip drawn in the canvas (<c>renderMode: richText</c>): ECharts' HTML tooltip writes style attributes, which the
/// site's Content-Security-Policy refuses.</remarks>
public static class DashboardChart
{
    /// <summary>The texts of the trend chart in the page's language.</summary>
    public sealed record TrendLabels(IReadOnlyList<string> Months, string Received, string Finished, string OnTimePercent, string Dossiers)
    {
        /// <summary>The labels from the shared resources, in the current UI language.</summary>
        public static TrendLabels From(IStringLocalizer text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return new(
                text["Dashboard_Months"].Value.Split(','), text["Dashboard_Received"], text["Dashboard_Finished"], text["Dashboard_OnTimeRate"],
                text["Dashboard_Dossiers"]);
        }
    }

    // The site's palette (wwwroot/css/site.css): link blue, a green and the brand red, each at least 3:1 on white.
    private static readonly string[] Palette = ["#0b4f8a", "#2e7d4f", "#a3161a"];

    /// <summary>Received and finished dossiers as bars on the left axis, the on-time rate as a line on the right axis (a
    /// gap where nothing finished: no rate, not 0 %).</summary>
    public static string Trend(IReadOnlyList<DashboardData.Month> months, TrendLabels labels)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(labels);
        var option = new
        {
            baseOption = new
            {
                animation = false,
                color = Palette,
                textStyle = new { fontFamily = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", Arial, sans-serif" },
                tooltip = new { trigger = "axis", renderMode = "richText" },
                legend = new { bottom = 0, left = "center" },
                grid = new { left = 16, right = 16, top = 40, bottom = 48, containLabel = true },
                xAxis = new { type = "category", data = months.Select(m => labels.Months[m.Number - 1]).ToArray(), axisLabel = new { interval = 0 } },
                yAxis = new object[]
                {
                    new { type = "value", name = labels.Dossiers, minInterval = 1 },
                    new { type = "value", name = "%", min = 0, max = 100, splitLine = new { show = false } },
                },
                series = new object[]
                {
                    new { type = "bar", name = labels.Received, data = months.Select(m => m.Figures.Received).ToArray() },
                    new { type = "bar", name = labels.Finished, data = months.Select(m => m.Figures.Finished).ToArray() },
                    new
                    {
                        type = "line", name = labels.OnTimePercent, yAxisIndex = 1, connectNulls = false, symbolSize = 8,
                        data = months.Select(m => m.Figures.OnTimePercent).ToArray(),
                    },
                },
            },
            media = new object[]
            {
                new
                {
                    query = new { maxWidth = 480 },
                    option = new
                    {
                        grid = new { left = 4, right = 4, top = 36, bottom = 64 },
                        xAxis = new { axisLabel = new { interval = 1 } },
                        legend = new { itemGap = 8, itemWidth = 16 },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(option);
    }
}
