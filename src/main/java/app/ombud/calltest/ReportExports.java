package app.ombud.calltest;

import app.ombud.platform.export.BarCharts;
import app.ombud.platform.export.ExportFile;
import app.ombud.platform.export.ExportFont;
import app.ombud.platform.export.PdfDocuments;
import app.ombud.platform.export.Table;
import app.ombud.platform.export.Workbooks;
import app.ombud.platform.TimeBucket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import static app.ombud.platform.export.PdfDocuments.escape;

/**
 * A test-call report to take away (SPEC §4): as a PDF — its conclusions and suggestions, a chart
 * per measure of the teams' means against the threshold, and every table — in Chinese or
 * English, and as an Excel workbook with a sheet per table. Both are made from the report's
 * figures: the frozen ones once published, so a published report's files never change. The
 * statistics page's rows export the same way ({@link #measureRows}).
 */
@Service
public class ReportExports {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CallTestReports reports;
    private final TestCallStatistics statistics;
    private final PdfDocuments pdf;
    private final ExportFont font;
    private final MessageSource messages;
    private final app.ombud.policy.PolicyService policy;

    ReportExports(CallTestReports reports, TestCallStatistics statistics, PdfDocuments pdf, ExportFont font,
            MessageSource messages, app.ombud.policy.PolicyService policy) {
        this.reports = reports;
        this.statistics = statistics;
        this.pdf = pdf;
        this.font = font;
        this.messages = messages;
        this.policy = policy;
    }

    /** The report's tables as an Excel workbook. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public ExportFile excel(UUID reportId, Locale locale) {
        var report = reports.get(reportId);
        var texts = new Texts(locale);
        return new ExportFile(filename(report, "xlsx"), Workbooks.CONTENT_TYPE,
                Workbooks.write(tables(report, reports.figures(report), texts)));
    }

    /** The report as a PDF with its charts. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public ExportFile pdf(UUID reportId, Locale locale) {
        var report = reports.get(reportId);
        font.file();
        var texts = new Texts(locale);
        return new ExportFile(filename(report, "pdf"), ExportFile.PDF,
                pdf.render(html(report, reports.figures(report), texts)));
    }

    /** The statistics rows of a range (the {@code testCallMeasureRows} figures) as an Excel workbook. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP','BI_READER')")
    public ExportFile measureRows(LocalDate from, LocalDate to, TimeBucket bucket, TestCallGroup groupBy,
            Locale locale) {
        var texts = new Texts(locale);
        var rows = statistics.measureRows(from, to, bucket, groupBy);
        var table = rowsTable(texts.t("calltest.export.rows"), rows, texts, groupBy);
        return new ExportFile("test-call-figures-%s-%s-%s.xlsx".formatted(from, to, groupBy.name().toLowerCase(
                Locale.ROOT)), Workbooks.CONTENT_TYPE, Workbooks.write(List.of(table)));
    }

    private static String filename(CallTestReport report, String extension) {
        return "test-call-report-%s-%s.%s".formatted(report.period().label(), report.number(), extension);
    }

    List<Table> tables(CallTestReport report, ReportFigures f, Texts texts) {
        List<Table> tables = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(cells(texts.t("calltest.report.number"), report.number()));
        summary.add(cells(texts.t("calltest.report.period"), texts.period(report.period().label())));
        summary.add(cells(texts.t("calltest.report.statusLabel"), texts.t("calltest.report.status."
                + report.status())));
        summary.add(cells(texts.t("calltest.report.calls"), f.calls()));
        summary.add(cells(texts.t("calltest.report.publishedAt"), report.publishedAt() == null ? ""
                : MINUTE.format(report.publishedAt().atZone(policy.calendar().zone()))));
        summary.add(cells(texts.t("calltest.report.conclusions"), nullToEmpty(report.conclusions())));
        summary.add(cells(texts.t("calltest.report.suggestions"), nullToEmpty(report.suggestions())));
        tables.add(new Table(texts.t("calltest.export.summary"), List.of(texts.t("calltest.export.item"),
                texts.t("calltest.export.value")), summary));
        tables.add(rowsTable(texts.t("calltest.report.company"), f.company(), texts, TestCallGroup.COMPANY));
        tables.add(rowsTable(texts.t("calltest.report.byTeam"), f.byTeam(), texts, TestCallGroup.TEAM));
        tables.add(rowsTable(texts.t("calltest.report.weakSpots"), f.weakSpots(), texts, TestCallGroup.TEAM));
        tables.add(new Table(texts.t("calltest.stats.trends"), List.of(texts.t("calltest.stats.measure"),
                texts.t("calltest.stats.months"), texts.t("calltest.stats.slope"), texts.t("calltest.export.inWords")),
                f.trends().stream().map(tr -> cells(texts.measure(tr.measure()), tr.months(),
                        round(tr.slopePerMonth(), 2), texts.change(tr.slopePerMonth()))).toList()));
        tables.add(new Table(texts.t("calltest.stats.correlations"), List.of(texts.t("calltest.export.measureA"),
                texts.t("calltest.export.measureB"), "n", "r", "p"), f.correlations().stream()
                .map(c -> cells(texts.measure(c.a()), texts.measure(c.b()), c.n(),
                        c.r() == null ? texts.t("calltest.stats.tooFew") : round(c.r(), 3),
                        c.pValue() == null ? "" : round(c.pValue(), 4))).toList()));
        tables.add(new Table(texts.t("calltest.report.problems"), List.of(texts.t("calltest.call.problems"),
                texts.t("calltest.report.calls")), f.problems().stream()
                .map(p -> cells(p.tag(), p.calls())).toList()));
        return tables;
    }

    private Table rowsTable(String title, List<MeasureRow> rows, Texts texts, TestCallGroup groupBy) {
        var headers = List.of(texts.t("calltest.stats.period"), texts.t("calltest.stats.groupColumn"),
                texts.t("calltest.stats.measure"), "n", texts.t("calltest.stats.mean"),
                texts.t("calltest.stats.stdDev"),
                texts.t("calltest.export.min"), texts.t("calltest.export.max"), texts.t("calltest.stats.threshold"),
                texts.t("calltest.stats.verdict"), texts.t("calltest.stats.change"));
        List<List<Object>> out = new ArrayList<>();
        for (MeasureRow r : rows) {
            var row = new ArrayList<Object>();
            row.add(texts.period(r.period()));
            row.add(texts.group(groupBy, r.groupId(), r.groupName()));
            row.add(texts.measure(r.measure()));
            row.add(r.n());
            row.add(round(r.mean(), 2));
            row.add(round(r.stdDev(), 2));
            row.add(round(r.min(), 2));
            row.add(round(r.max(), 2));
            row.add(r.threshold());
            row.add(r.meetsThreshold() == null ? "" : texts.t(r.meetsThreshold() ? "calltest.stats.meets"
                    : "calltest.stats.misses"));
            row.add(texts.change(r.changeFromPreviousPeriod()));
            out.add(row);
        }
        return new Table(title, headers, out);
    }

    private String html(CallTestReport report, ReportFigures f, Texts texts) {
        var title = texts.t("calltest.report.title", texts.period(report.period().label()));
        var html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(escape(texts.locale.toLanguageTag())).append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(title)).append("</title><style>")
                .append("@page { size: A4; margin: 16mm 14mm; @bottom-center { content: counter(page) ' / ' "
                        + "counter(pages); font-family: '").append(ExportFont.FAMILY).append("'; font-size: 8pt; } }")
                .append("body { font-family: '").append(ExportFont.FAMILY).append("'; font-size: 9.5pt; color: #222; }")
                .append("h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 14pt 0 5pt 0;"
                        + " border-bottom: 1px solid #3b6fb6; padding-bottom: 2pt; }")
                .append(".meta { color: #555; margin-bottom: 8pt; }")
                .append("p.text { white-space: pre-wrap; margin: 2pt 0 6pt 0; }")
                .append("table { border-collapse: collapse; width: 100%; margin-bottom: 6pt;"
                        + " -fs-table-paginate: paginate; }")
                .append("th { background: #e8eef7; text-align: left; } th, td { border: 1px solid #c9d3e0;"
                        + " padding: 2pt 4pt; font-size: 8.5pt; } td.num { text-align: right; }")
                .append("tr { page-break-inside: avoid; } img.chart { width: 100%; margin: 4pt 0 8pt 0; }")
                .append("</style></head><body>");
        html.append("<h1>").append(escape(title)).append("</h1><div class=\"meta\">").append(escape(report.number()))
                .append(" · ").append(escape(texts.t("calltest.report.status." + report.status())));
        if (report.publishedAt() != null) {
            html.append(" · ").append(escape(texts.t("calltest.report.publishedAt"))).append(' ')
                    .append(escape(MINUTE.format(report.publishedAt().atZone(policy.calendar().zone()))));
        }
        html.append(" · ").append(escape(texts.t("calltest.report.calls"))).append(' ').append(f.calls())
                .append("</div>");
        section(html, texts.t("calltest.report.conclusions"), report.conclusions(), texts);
        section(html, texts.t("calltest.report.suggestions"), report.suggestions(), texts);
        var tables = tables(report, f, texts);
        table(html, tables.get(1));
        html.append("<h2>").append(escape(texts.t("calltest.export.charts"))).append("</h2>");
        for (Measure measure : Measure.values()) {
            var rows = f.byTeam().stream().filter(r -> r.measure() == measure && r.mean() != null).toList();
            if (!rows.isEmpty()) {
                html.append("<img class=\"chart\" alt=\"").append(escape(texts.measure(measure))).append("\" src=\"")
                        .append(BarCharts.dataUri(chart(measure, rows, texts))).append("\"/>");
            }
        }
        for (Table table : tables.subList(2, tables.size())) {
            table(html, table);
        }
        return html.append("</body></html>").toString();
    }

    private byte[] chart(Measure measure, List<MeasureRow> rows, Texts texts) {
        List<BarCharts.Bar> bars = rows.stream().map(r -> new BarCharts.Bar(texts.group(TestCallGroup.TEAM,
                r.groupId(), r.groupName()), texts.period(r.period()), r.mean(), Boolean.FALSE.equals(
                r.meetsThreshold()))).toList();
        BigDecimal threshold = rows.stream().map(MeasureRow::threshold).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        String note = threshold == null ? texts.t("calltest.stats.chart.noThreshold")
                : texts.t("calltest.export.chartNote");
        return BarCharts.png(font, new BarCharts.Labels(texts.measure(measure), note, texts.t("calltest.stats.mean"),
                threshold == null ? null : threshold.doubleValue(), threshold == null ? null
                : texts.t("calltest.stats.threshold") + " " + threshold.stripTrailingZeros().toPlainString()),
                bars, 520, 200);
    }

    private static void section(StringBuilder html, String heading, String text, Texts texts) {
        html.append("<h2>").append(escape(heading)).append("</h2><p class=\"text\">")
                .append(escape(text == null || text.isBlank() ? texts.t("calltest.export.none") : text)).append("</p>");
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<h2>").append(escape(table.title())).append("</h2>");
        if (table.rows().isEmpty()) {
            html.append("<p class=\"text\">—</p>");
            return;
        }
        html.append("<table><thead><tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append(cell instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(text(cell)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case BigDecimal number -> number.scale() > 1 && number.stripTrailingZeros().scale() > 0
                    ? number.setScale(Math.min(number.scale(), 4), RoundingMode.HALF_UP).toPlainString()
                    : number.stripTrailingZeros().toPlainString();
            default -> cell.toString();
        };
    }

    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static BigDecimal round(Double value, int decimals) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The texts of one export, in one language. */
    final class Texts {

        final Locale locale;
        private final Map<String, String> cache = new LinkedHashMap<>();

        Texts(Locale locale) {
            this.locale = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
        }

        String t(String key, Object... args) {
            if (args.length == 0) {
                return cache.computeIfAbsent(key, k -> messages.getMessage(k, null, k, locale));
            }
            return messages.getMessage(key, args, key, locale);
        }

        String measure(Measure measure) {
            return t("calltest.measure." + measure);
        }

        String group(TestCallGroup groupBy, String id, String name) {
            return FigureWords.group(groupBy, id, name, (key, args) -> t(key, args));
        }

        /** A period code (2026-12, 2026-Q4, 2026-W49, 2026-12-01, 2026) in words. */
        String period(String code) {
            return app.ombud.platform.PeriodWords.of(code, (key, args) -> t(key, args));
        }

        String change(Double value) {
            return FigureWords.change(value, (key, args) -> t(key, args));
        }
    }
}
