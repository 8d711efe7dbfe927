package app.ombud.platform.export;

import java.util.List;

/**
 * A table to export: its title (an Excel sheet's name, a PDF section's heading), its column
 * headers and its rows. Cells are {@code String}, {@code Number} (written as a number),
 * {@code Boolean}, {@code LocalDate} or null (blank); other values are written as text.
 */
public record Table(String title, List<String> headers, List<List<Object>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
