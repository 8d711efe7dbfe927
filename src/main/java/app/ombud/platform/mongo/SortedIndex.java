package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A non-unique (single or compound) index for mongo-java-server, which accepts such indexes but
 * builds none: it keeps one entry per document (per array element for an array value) in
 * {@link IndexKeyOrder}, the {@code _id} appended so entries are unique and a document's entry can
 * be found from the document alone, as {@code remove} must.
 *
 * <p>It never answers {@link #canHandle}: the collection's own loop would use it without regard to
 * the sort. {@link IndexedQueries} plans with it instead, and mongo-java-server's matcher checks
 * every document the index yields, so the index only has to yield every match, never only matches.
 * A document with an empty array in a key gets an entry with null in that column and its other
 * values in theirs, so a walk on those still finds it.
 */
final class SortedIndex<P> extends Index<P> {

    private final IndexKeyOrder order;
    private final IndexEntries<P> entries;

    SortedIndex(String name, List<IndexKey> keys, boolean sparse, IndexKeyOrder order, IndexEntries<P> entries) {
        super(name, keys, sparse);
        this.order = order;
        this.entries = entries;
    }

    static IndexKeyOrder order(List<IndexKey> keys) {
        boolean[] ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        return new IndexKeyOrder(ascending);
    }

    IndexKeyOrder order() {
        return order;
    }

    IndexEntries<P> entries() {
        return entries;
    }

    List<String> fields() {
        return keys();
    }

    boolean sparse() {
        return isSparse();
    }

    private List<Object[]> entryKeys(Document document) {
        if (isSparse() && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing)) {
            return List.of();
        }
        Object id = document.get("_id");
        Set<KeyValue> values = getKeyValues(document);
        int columns = keys().size();
        boolean emptyArray = values.isEmpty();
        if (emptyArray) {
            values = withEmptyArraysAsNull(document);
        }
        List<Object[]> result = new ArrayList<>(values.size());
        for (KeyValue value : values) {
            Object[] key = new Object[columns + 1];
            for (int i = 0; i < columns; i++) {
                key[i] = frozen(value.get(i));
                if (key[i] instanceof Collection<?>) {
                    entries.markMultikey();
                }
            }
            key[columns] = id;
            result.add(key);
        }
        if (result.size() > 1 || emptyArray) {
            entries.markMultikey();
        }
        return result;
    }

    /**
     * The keys of a document with an empty array in a key (mongo-java-server then gives none at
     * all): the empty array counts as null, the other keys keep their values, so a walk on them
     * still finds the document (MongoDB indexes an empty array as undefined in its column).
     */
    private Set<KeyValue> withEmptyArraysAsNull(Document document) {
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        for (String key : keys()) {
            Object value = Utils.getSubdocumentValue(document, key);
            List<Object> choices = value instanceof Missing ? java.util.Collections.singletonList(null)
                    : value instanceof Collection<?> collection ? (collection.isEmpty()
                            ? java.util.Collections.singletonList(null) : new ArrayList<>(collection))
                    : java.util.Collections.singletonList(value);
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> combination : combinations) {
                for (Object choice : choices) {
                    List<Object> longer = new ArrayList<>(combination);
                    longer.add(choice);
                    next.add(longer);
                }
            }
            combinations = next;
        }
        Set<KeyValue> keys = new java.util.LinkedHashSet<>();
        combinations.forEach(combination -> keys.add(new KeyValue(combination)));
        return keys;
    }

    @Override
    public P getPosition(Document document) {
        List<Object[]> keys = entryKeys(document);
        return keys.isEmpty() ? null : entries.get(keys.get(0));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        if (isCompoundIndex()) {
            getKeyValues(document); // refuses parallel arrays before the document is stored, as MongoDB does
        }
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        for (Object[] key : entryKeys(document)) {
            entries.put(key, position);
        }
    }

    @Override
    public P remove(Document document) {
        P position = null;
        for (Object[] key : entryKeys(document)) {
            P removed = entries.remove(key);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedQueries, never by the collection's loop");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        checkAdd(newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        // the entries, not mongo-java-server's key values: those are empty for an empty array whatever the other keys hold
        List<Object[]> before = entryKeys(oldDocument);
        List<Object[]> after = entryKeys(newDocument);
        if (before.size() != after.size() || !java.util.stream.IntStream.range(0, before.size())
                .allMatch(i -> java.util.Arrays.deepEquals(before.get(i), after.get(i)))) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    /**
     * A key value the entry can keep: a sub-document or array copied, since the memory backend
     * changes a stored document in place and the entry would change with it, out of its order.
     */
    private static Object frozen(Object value) {
        if (value instanceof Document document) {
            return document.cloneDeeply();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(element -> copy.add(frozen(element)));
            return copy;
        }
        return value;
    }

    @Override
    public void drop() {
        entries.clear();
    }
}
