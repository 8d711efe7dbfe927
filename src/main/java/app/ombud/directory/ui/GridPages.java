package app.ombud.directory.ui;

import org.springframework.data.domain.ScrollPosition;

/** Scroll positions for Vaadin's lazy grids. */
final class GridPages {

    private GridPages() {
    }

    /**
     * The position before row {@code offset} (zero-based) of a grid query. Spring Data's
     * {@code ScrollPosition.offset(n)} continues after row n, so {@code offset(0)} would skip
     * the first row; the initial position is {@code ScrollPosition.offset()}.
     */
    static ScrollPosition before(int offset) {
        return offset == 0 ? ScrollPosition.offset() : ScrollPosition.offset(offset - 1L);
    }
}
