package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the H2 file keeps a collection's documents: as BSON, with mongo-java-server's own wire
 * encoder and decoder (what a document is on the wire, it can be in the file). H2's default
 * for an unknown value is Java serialisation, which made a case about 35 KB in the file against
 * 3 KB of BSON, and cost most of a write's time.
 *
 * <p>H2 asks each value's memory for its page cache; encoding a document only to answer would
 * double the cost, so the answer is twice the moving average of the sizes written and read.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Document document) {
        return 2 * averageSize + 64;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.putVarInt(size);
            buffer.put(bson.nioBuffer());
            averageSize = (averageSize * 15 + size) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int size = org.h2.mvstore.DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice(buffer.position(), size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
