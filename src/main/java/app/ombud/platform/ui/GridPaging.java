package app.ombud.platform.ui;

import java.time.Instant;
import org.springframework.data.domain.ScrollPosition;

/** Small helpers the portal's lazy grids share. */
public final class GridPaging {

    private GridPaging() {
    }

    /**
     * The scroll position whose window starts at the grid's row {@code offset}. An offset
     * position names the last row already read ({@code offset(0)} starts at the second row), so
     * the first page must use the initial position.
     */
    public static ScrollPosition startingAt(int offset) {
        return offset <= 0 ? ScrollPosition.offset() : ScrollPosition.offset(offset - 1L);
    }

    /** An instant as company-local date and time, or an empty text. */
    public static String time(Instant instant) {
        return CompanyTime.time(instant);
    }
}
