package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index (every collection's {@code _id}, a case's number, ...) in the H2 file, keyed in
 * {@link IndexKeyOrder} by {@link IndexKeyType}. mongo-java-server's own {@code H2UniqueIndex}
 * keys its map by {@code KeyValue} objects, which H2 compares by Java-serialising both sides:
 * every insert, every lookup by {@code _id} serialised keys all the way down the B-tree (43 % of
 * a bulk insert's time in the scale benchmark's profile). The same values, the same uniqueness
 * (mongo-java-server normalises the key values before they reach here), compared as values.
 *
 * <p>The map has its own name ({@code ._unique_<index>}), so a file written by mongo-java-server's
 * index is not misread: that map is removed and this one built from the documents at open.
 */
final class OnFileUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object[], Object> map;

    OnFileUniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<Object[], Object> map) {
        super(name, keys, sparse);
        this.map = map;
    }

    private static Object[] key(KeyValue value) {
        Object[] key = new Object[value.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = value.get(i);
        }
        return key;
    }

    private static Object position(Object stored) {
        return stored instanceof Missing ? null : stored;
    }

    @Override
    protected Object removeDocument(KeyValue value) {
        return position(map.remove(key(value)));
    }

    @Override
    protected boolean putKeyPosition(KeyValue value, Object position) {
        return map.putIfAbsent(key(value), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .map(entry -> Map.entry(new KeyValue(entry.getKey()), entry.getValue()))
                .iterator();
    }

    @Override
    protected Object getPosition(KeyValue value) {
        return position(map.get(key(value)));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
    }
}
