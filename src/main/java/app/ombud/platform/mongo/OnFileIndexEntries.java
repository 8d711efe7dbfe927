package app.ombud.platform.mongo;

import java.util.Iterator;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A {@link SortedIndex}'s entries in the H2 file, in the same MVStore as the documents, so a
 * commit holds both (the durable backend's group commit included). The collection's meta map
 * keeps whether the index is multikey and the format of its keys; an index whose format is not
 * this one's, or whose entries cannot match the documents (a crash of the unsynced backend
 * between a document and its entry), is emptied, and mongo-java-server rebuilds an empty index
 * from the documents when it adds it to the collection.
 */
final class OnFileIndexEntries implements IndexEntries<Object> {

    /** Raise when the key encoding or its order changes: older files' indexes are then rebuilt. */
    static final int FORMAT = 1;

    private final MVMap<Object[], Object> map;
    private final MVMap<String, Object> meta;
    private final String multikeyKey;
    private volatile boolean multikey;

    /**
     * @param meta the collection's meta map; {@code name} prefixes this index's keys in it
     * @param documents how many documents the collection holds
     */
    OnFileIndexEntries(MVMap<Object[], Object> map, MVMap<String, Object> meta, String name, boolean sparse,
            long documents) {
        this.map = map;
        this.meta = meta;
        this.multikeyKey = name + ".multikey";
        String formatKey = name + ".format";
        this.multikey = Boolean.TRUE.equals(meta.get(multikeyKey));
        boolean stale = !Integer.valueOf(FORMAT).equals(meta.get(formatKey))
                || !multikey && !sparse && map.sizeAsLong() != documents;
        if (stale || map.isEmpty()) {
            clear();
            meta.put(formatKey, FORMAT);
        }
    }

    @Override
    public void put(Object[] key, Object position) {
        map.put(key, position);
    }

    @Override
    public Object remove(Object[] key) {
        return map.remove(key);
    }

    @Override
    public Object get(Object[] key) {
        return map.get(key);
    }

    @Override
    public long size() {
        return map.sizeAsLong();
    }

    @Override
    public void clear() {
        map.clear();
        multikey = false;
        meta.put(multikeyKey, false);
    }

    @Override
    public Iterator<Object> walk(Object[] first, Object[] last, boolean reverse) {
        Cursor<Object[], Object> cursor = reverse ? map.cursor(last, first, true) : map.cursor(first, last, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                cursor.next();
                return cursor.getValue();
            }
        };
    }

    @Override
    public boolean multikey() {
        return multikey;
    }

    @Override
    public void markMultikey() {
        if (!multikey) {
            multikey = true;
            meta.put(multikeyKey, true);
        }
    }
}
