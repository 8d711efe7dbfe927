package app.ombud.platform.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbooks (.xlsx) of tables, one sheet a table, with FastExcel: a bold header row frozen
 * at the top, numbers as numbers (so Excel sums and charts them), dates as dates, columns wide
 * enough for their text. Sheet names are made valid for Excel (31 characters, none of
 * {@code []:*?/\}, unique).
 */
public final class Workbooks {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_SHEET_NAME = 31;

    private Workbooks() {
    }

    /** The tables as one workbook. */
    public static byte[] write(List<Table> tables) {
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Ombud", "1.0");
            Set<String> names = new HashSet<>();
            for (Table table : tables) {
                sheet(workbook.newWorksheet(sheetName(table.title(), names)), table);
            }
            if (tables.isEmpty()) {
                workbook.newWorksheet("-");
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Worksheet sheet, Table table) {
        int[] widths = new int[table.headers().size()];
        for (int c = 0; c < table.headers().size(); c++) {
            sheet.value(0, c, table.headers().get(c));
            widths[c] = width(table.headers().get(c));
        }
        sheet.range(0, 0, 0, Math.max(0, table.headers().size() - 1)).style().bold().fillColor("E8EEF7").set();
        sheet.freezePane(0, 1);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                cell(sheet, r + 1, c, value);
                if (c < widths.length && value != null) {
                    widths[c] = Math.max(widths[c], width(value.toString()));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, Math.min(60, widths[c] + 2));
        }
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        switch (value) {
            case null -> { }
            case BigDecimal number -> sheet.value(r, c, number);
            case Number number -> sheet.value(r, c, number);
            case Boolean flag -> sheet.value(r, c, flag);
            case LocalDate day -> {
                sheet.value(r, c, day);
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            default -> sheet.value(r, c, value.toString());
        }
    }

    /** Characters as Excel measures them: a Chinese character is about two wide. */
    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return width;
    }

    static String sheetName(String title, Set<String> taken) {
        String clean = (title == null || title.isBlank() ? "Sheet" : title).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (clean.length() > MAX_SHEET_NAME) {
            clean = clean.substring(0, MAX_SHEET_NAME);
        }
        String name = clean;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = clean.substring(0, Math.min(clean.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
