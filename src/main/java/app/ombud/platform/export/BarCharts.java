package app.ombud.platform.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts as PNG images for PDFs (JFreeChart), in the portal charts' colours (ANALYTICS.md
 * §4): a colour per series, a bar that misses its target in the miss colour whatever its series,
 * the target as a dashed line with its label, every text in {@link ExportFont}. Drawn at twice
 * the size they are shown at, so they stay sharp when printed.
 */
public final class BarCharts {

    /** The portal's series colours (none of them the miss colour) and the miss colour. */
    static final List<Color> PALETTE = List.of(new Color(0x3b6fb6), new Color(0x7b61c4), new Color(0x2a9d8f),
            new Color(0x6b7b8c), new Color(0x4f9bd9), new Color(0xa05195));
    static final Color MISS = new Color(0xe8710a);
    private static final int SCALE = 2;

    private BarCharts() {
    }

    /** One bar: its category (x), its series (legend), its value and whether it misses the target. */
    public record Bar(String category, String series, double value, boolean miss) {
    }

    /** A chart's texts and target: the target line is left out when {@code target} is null. */
    public record Labels(String title, String subtitle, String valueAxis, Double target, String targetLabel) {
    }

    /** The chart as a PNG image of {@code width} × {@code height} points (drawn at twice that). */
    public static byte[] png(ExportFont font, Labels labels, List<Bar> bars, int width, int height) {
        var data = new DefaultCategoryDataset();
        Set<String> misses = new HashSet<>();
        for (Bar bar : bars) {
            data.addValue(bar.value(), bar.series(), bar.category());
            if (bar.miss()) {
                misses.add(bar.series() + "\u0000" + bar.category());
            }
        }
        var renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                String key = data.getRowKey(row) + "\u0000" + data.getColumnKey(column);
                return misses.contains(key) ? MISS : PALETTE.get(row % PALETTE.size());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setItemMargin(0.05);
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, PALETTE.get(row % PALETTE.size()));
        }
        var plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(labels.valueAxis()), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getDomainAxis().setCategoryLabelPositions(data.getColumnCount() > 6
                ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        if (labels.target() != null) {
            var marker = new ValueMarker(labels.target(), MISS, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(labels.targetLabel());
            marker.setLabelFont(font.awt(Font.PLAIN, 10f));
            marker.setLabelPaint(MISS);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
            var axis = (NumberAxis) plot.getRangeAxis();
            double top = Math.max(labels.target(), bars.stream().mapToDouble(Bar::value).max().orElse(0));
            axis.setUpperBound(top <= 0 ? 1 : top * 1.12);
        }
        var chart = new JFreeChart(labels.title(), font.awt(Font.BOLD, 14f), plot, data.getRowCount() > 1);
        var theme = new StandardChartTheme("ombud");
        theme.setExtraLargeFont(font.awt(Font.BOLD, 14f));
        theme.setLargeFont(font.awt(Font.PLAIN, 12f));
        theme.setRegularFont(font.awt(Font.PLAIN, 10f));
        theme.setSmallFont(font.awt(Font.PLAIN, 9f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        chart.setBackgroundPaint(Color.WHITE);
        if (labels.subtitle() != null) {
            var subtitle = new org.jfree.chart.title.TextTitle(labels.subtitle(), font.awt(Font.PLAIN, 10f));
            subtitle.setPaint(new Color(0x555555));
            chart.addSubtitle(subtitle);
        }
        try {
            var image = chart.createBufferedImage(width * SCALE, height * SCALE, width, height, null);
            return ChartUtils.encodeAsPNG(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image as a {@code data:} URI for an {@code <img>} in a PDF's XHTML. */
    public static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
