import com.mongodb.client.*;
import com.mongodb.client.model.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import java.util.*;
import java.time.Instant;

public class Bench {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[1]);
    boolean file = a[0].equals("file");
    String path = "/tmp/bench/b.mv";
    boolean reuse = a.length > 2; if (!reuse) new java.io.File(path).delete();
    MongoServer server = new MongoServer(file ? new H2Backend(path) : new MemoryBackend());
    var addr = server.bind();
    try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + addr.getPort())) {
      MongoCollection<Document> col = c.getDatabase("ombud").getCollection("reviews");
      col.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("submittedAt"), Indexes.descending("_id")));
      String[] st = {"OPEN","CLOSED","DRAFT","ESCALATED","ARCHIVED"};
      Random r = new Random(1);
      long t0 = System.nanoTime();
      List<Document> batch = new ArrayList<>();
      for (int i = 0; i < (reuse ? 0 : n); i++) {
        batch.add(new Document("status", st[i % 5]).append("submittedAt", new Date(1_700_000_000_000L + i * 1000L))
          .append("text", "x".repeat(500)).append("n", r.nextInt(1000)));
        if (batch.size() == 1000) { col.insertMany(batch); batch = new ArrayList<>(); }
      }
      if (!batch.isEmpty()) col.insertMany(batch);
      System.out.printf("insert %d docs: %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
      for (int k = 0; k < 3; k++) {
        t0 = System.nanoTime();
        var page = col.find(Filters.eq("status", "OPEN")).sort(Sorts.descending("submittedAt", "_id")).limit(20).into(new ArrayList<>());
        long t1 = System.nanoTime();
        long cnt = col.countDocuments(Filters.eq("status", "OPEN"));
        long t2 = System.nanoTime();
        var one = col.find(Filters.and(Filters.eq("status", "DRAFT"), Filters.eq("n", 7))).first();
        long t3 = System.nanoTime();
        System.out.printf("run %d: find eq+sort+limit20 %d ms (%d), countDocuments %d ms (%d), find eq first %d ms%n", k,
          (t1 - t0) / 1_000_000, page.size(), (t2 - t1) / 1_000_000, cnt, (t3 - t2) / 1_000_000);
      }
      Runtime rt = Runtime.getRuntime(); System.gc(); Thread.sleep(200); System.gc();
      System.out.printf("heap used after GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
    server.shutdownNow();
  }
}
