package app.ombud.calltest.ui;

import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureRow;
import app.ombud.platform.ui.PeriodLabels;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * One measure by period and group as an ECharts chart (ANALYTICS.md §4): a series per group over
 * the same flat rows the statistics grid shows ({@code dataset} + {@code encode}, one filter
 * dataset per group), the threshold as a line, a bar or point that misses it in the miss colour,
 * the toolbox's save-as-image, data view (the table behind the chart), line/bar switch and zoom,
 * and ECharts' Chinese texts in a Chinese UI. The periods are named in words ({@link PeriodLabels});
 * with a drill-down listener ({@link #onDrill}), clicking a bar or point hands its period code and
 * group back to the server.
 * <p>
 * ECharts comes from its WebJar and the drawing from {@code frontend/scripts/measure-chart.js},
 * both same-origin files; the server only passes the option as JSON, so no inline script runs
 * under the portal's Content-Security-Policy.
 */
@JavaScript("context://webjars/echarts/5.5.0/echarts.min.js")
@JavaScript("context://ombud/scripts/measure-chart.js")
class MeasureChart extends Div {

    /** The groups' colours: blues, purples, teal and grey, none of them the miss colour. */
    private static final List<String> PALETTE = List.of("#3b6fb6", "#7b61c4", "#2a9d8f", "#6b7b8c", "#4f9bd9",
            "#a05195", "#1f5f8b", "#8c8c3c");
    private static final String MISS = "#e8710a";

    private final Function<String, String> translate;
    private String option;
    private List<MeasureRow> drawn = List.of();
    private BiConsumer<String, String> drill;

    /** A chart whose texts come from {@code translate} (a translation key to its text). */
    MeasureChart(Function<String, String> translate) {
        this.translate = translate;
        setId("stats-chart");
        setWidthFull();
        setHeight("380px");
        getElement().setAttribute("role", "img");
        addAttachListener(attach -> {
            if (!attach.isInitialAttach() && option != null) {
                draw();
            }
        });
    }

    /** Draws {@code measure}'s rows among {@code rows}, each group named by {@code groupName}. */
    void show(Measure measure, List<MeasureRow> rows, Function<MeasureRow, String> groupName) {
        List<MeasureRow> shown = rows.stream().filter(r -> r.measure() == measure && r.mean() != null).toList();
        drawn = shown;
        String title = translate.apply("calltest.measure." + measure);
        getElement().setAttribute("aria-label", title);
        option = JsonMapper.shared().writeValueAsString(option(title, shown, groupName));
        draw();
    }

    /** Clicking a bar or point calls {@code listener} with its period code and group ID. */
    void onDrill(BiConsumer<String, String> listener) {
        this.drill = listener;
    }

    /** A bar or point was clicked: its period and group, if the chart draws them (the browser's word is checked). */
    @ClientCallable
    void drill(String period, String groupId) {
        if (drill != null && drawn.stream().anyMatch(r -> r.period().equals(period) && r.groupId().equals(groupId))) {
            drill.accept(period, groupId);
        }
    }

    private void draw() {
        String locale = getLocale() != null && Locale.CHINESE.getLanguage().equals(getLocale().getLanguage())
                ? "ZH" : "EN";
        getElement().executeJs("window.ombudMeasureChart.draw(this, $0, $1)", option, locale);
    }

    private Map<String, Object> option(String title, List<MeasureRow> rows, Function<MeasureRow, String> groupName) {
        List<Map<String, Object>> source = new ArrayList<>();
        Map<String, String> groups = new LinkedHashMap<>();
        var periods = new LinkedHashSet<String>();
        rows.stream().sorted((a, b) -> a.periodStart().compareTo(b.periodStart()))
                .forEach(r -> periods.add(PeriodLabels.of(r.period())));
        for (MeasureRow r : rows) {
            var row = new LinkedHashMap<String, Object>();
            row.put("period", PeriodLabels.of(r.period()));
            // the code, for the drill-down: not a dimension, so the data view leaves it out
            row.put("code", r.period());
            row.put("groupId", r.groupId());
            row.put("group", groupName.apply(r));
            row.put("mean", Math.round(r.mean() * 10) / 10.0);
            row.put("n", r.n());
            row.put("threshold", r.threshold());
            row.put("meets", r.meetsThreshold());
            source.add(row);
            groups.putIfAbsent(r.groupId(), groupName.apply(r));
        }
        List<Object> datasets = new ArrayList<>();
        datasets.add(Map.of("dimensions", List.of(dimension("period", "calltest.stats.period"),
                Map.of("name", "groupId", "displayName", "id"), dimension("group", "calltest.stats.groupColumn"),
                dimension("mean", "calltest.stats.mean"),
                Map.of("name", "n", "displayName", "n"), dimension("threshold", "calltest.stats.threshold")),
                "source", source));
        List<Object> series = new ArrayList<>();
        var threshold = rows.stream().map(MeasureRow::threshold).filter(Objects::nonNull).findFirst();
        for (var group : groups.entrySet()) {
            datasets.add(Map.of("transform", Map.of("type", "filter",
                    "config", Map.of("dimension", "groupId", "=", group.getKey()))));
            var s = new LinkedHashMap<String, Object>();
            s.put("type", "bar");
            s.put("name", group.getValue());
            s.put("datasetIndex", datasets.size() - 1);
            s.put("barMaxWidth", 48);
            s.put("encode", Map.of("x", "period", "y", "mean", "tooltip", List.of("mean", "n")));
            if (series.isEmpty() && threshold.isPresent()) {
                String value = threshold.get().stripTrailingZeros().toPlainString();
                s.put("markLine", Map.of("silent", true, "symbol", "none",
                        "lineStyle", Map.of("color", MISS, "type", "dashed"),
                        "label", Map.of("position", "insideEndTop", "formatter", translate.apply("calltest.stats.threshold") + " " + value),
                        "data", List.of(Map.of("yAxis", threshold.get()))));
            }
            series.add(s);
        }
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false);
        option.put("color", PALETTE);
        option.put("ombudMissColour", MISS);
        option.put("ombudDrill", drill != null);
        String note = rows.isEmpty() ? "calltest.stats.chart.empty"
                : threshold.isPresent() ? "calltest.stats.chart.missNote" : "calltest.stats.chart.noThreshold";
        option.put("title", Map.of("text", title, "subtext", translate.apply(note), "left", "left"));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("type", "scroll", "top", 52));
        option.put("grid", Map.of("top", 96, "left", 56, "right", 40, "bottom", 56));
        var tools = new LinkedHashMap<String, Object>();
        tools.put("saveAsImage", Map.of("name", title));
        tools.put("dataView", Map.of("readOnly", true));
        tools.put("magicType", Map.of("type", List.of("bar", "line")));
        tools.put("dataZoom", Map.of("yAxisIndex", "none"));
        tools.put("restore", Map.of());
        option.put("toolbox", Map.of("right", 16, "feature", tools));
        option.put("dataZoom", List.of(Map.of("type", "inside")));
        option.put("dataset", datasets);
        option.put("xAxis", Map.of("type", "category", "data", List.copyOf(periods)));
        // the axis reaches the threshold, so its line shows even when every mean is far below it
        var yAxis = new LinkedHashMap<String, Object>(Map.of("type", "value", "scale", false));
        threshold.ifPresent(t -> {
            double top = Math.max(t.doubleValue(), rows.stream().mapToDouble(MeasureRow::mean).max().orElse(0));
            yAxis.put("max", top <= 0 ? 1 : Math.ceil(top * 1.1));
        });
        option.put("yAxis", yAxis);
        option.put("series", series);
        return option;
    }

    private Map<String, Object> dimension(String name, String key) {
        return Map.of("name", name, "displayName", translate.apply(key));
    }
}
