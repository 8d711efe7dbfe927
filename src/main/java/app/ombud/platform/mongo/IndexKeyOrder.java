package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;

/**
 * The order of a {@link SortedIndex}'s entries: column by column in MongoDB's order of values
 * ({@link ValueComparator}, the order the query matcher and the sort use), ascending or
 * descending as declared, the document's {@code _id} last (ascending) so every entry is unique.
 * {@link #LOW} and {@link #HIGH} stand for "before every value" and "after every value" of a
 * column, whatever its direction: they bound a walk over a key prefix and are never stored.
 */
final class IndexKeyOrder implements Comparator<Object[]> {

    static final Object LOW = new Object() {
        @Override
        public String toString() {
            return "LOW";
        }
    };

    static final Object HIGH = new Object() {
        @Override
        public String toString() {
            return "HIGH";
        }
    };

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final boolean[] ascending;

    /** @param ascending per declared column; the {@code _id} column after them is ascending */
    IndexKeyOrder(boolean[] ascending) {
        this.ascending = ascending.clone();
    }

    int columns() {
        return ascending.length + 1;
    }

    boolean ascending(int column) {
        return column >= ascending.length || ascending[column];
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = compare(i, a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int compare(int column, Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x == LOW || y == HIGH) {
            return -1;
        }
        if (x == HIGH || y == LOW) {
            return 1;
        }
        int c = VALUES.compare(x, y);
        return ascending(column) ? c : -c;
    }
}
