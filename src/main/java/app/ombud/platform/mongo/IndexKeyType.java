package app.ombud.platform.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How an MVStore map keeps a {@link SortedIndex}'s keys: in {@link IndexKeyOrder} (H2 would
 * otherwise compare the serialised bytes), each column written by H2's own {@link ObjectDataType}
 * except instants, the commonest indexed value, which it would Java-serialise (about 60 bytes):
 * here 12. The type is not stored in the file; the map is opened with it every time.
 */
final class IndexKeyType extends BasicDataType<Object[]> {

    private static final byte VALUE = 0;
    private static final byte INSTANT = 1;

    private final IndexKeyOrder order;
    private final ObjectDataType values = new ObjectDataType();

    IndexKeyType(IndexKeyOrder order) {
        this.order = order;
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        return order.compare(a, b);
    }

    @Override
    public int getMemory(Object[] key) {
        int memory = 24 + 8 * key.length;
        for (Object value : key) {
            memory += value instanceof Instant ? 24 : values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object[] key) {
        buffer.putVarInt(key.length);
        for (Object value : key) {
            if (value instanceof Instant instant) {
                buffer.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
            } else {
                buffer.put(VALUE);
                values.write(buffer, value);
            }
        }
    }

    @Override
    public Object[] read(ByteBuffer buffer) {
        Object[] key = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < key.length; i++) {
            key[i] = buffer.get() == INSTANT ? Instant.ofEpochSecond(buffer.getLong(), buffer.getInt())
                    : values.read(buffer);
        }
        return key;
    }

    @Override
    public Object[][] createStorage(int size) {
        return new Object[size][];
    }
}
