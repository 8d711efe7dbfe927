package app.ombud.calltest;

import java.util.List;

/**
 * The figures of a report: the measures by team per month (and for a quarter, per quarter), the
 * correlations, the trends, the weak spots (rows missing their threshold), the common problems,
 * and how many calls they count. Live while the report is a draft; the stored copy once published.
 */
public record ReportFigures(long calls, List<MeasureRow> byTeam, List<MeasureRow> company,
        List<MeasureCorrelation> correlations, List<MeasureTrend> trends, List<MeasureRow> weakSpots,
        List<WeakSpots.Problem> problems) {
}
