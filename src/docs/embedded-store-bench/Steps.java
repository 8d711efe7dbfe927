import com.mongodb.client.*;
import com.mongodb.client.model.*;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import java.util.*;
public class Steps {
  public static void main(String[] a) throws Exception {
    MongoServer server = new MongoServer(new H2Backend("/tmp/bench/b.mv"));
    var addr = server.bind();
    System.out.println("opened"); 
    try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + addr.getPort())) {
      MongoCollection<Document> col = c.getDatabase("ombud").getCollection("reviews");
      for (String step : a) {
        long t0 = System.nanoTime();
        Object r = switch (step) {
          case "page" -> col.find(Filters.eq("status", "OPEN")).sort(Sorts.descending("submittedAt", "_id")).limit(20).into(new ArrayList<>()).size();
          case "count" -> col.countDocuments(Filters.eq("status", "OPEN"));
          case "estimated" -> col.estimatedDocumentCount();
          default -> "?";
        };
        System.out.printf("%s -> %s in %d ms%n", step, r, (System.nanoTime() - t0) / 1_000_000);
      }
    }
    server.shutdownNow();
  }
}
