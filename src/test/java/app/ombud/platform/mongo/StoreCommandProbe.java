package app.ombud.platform.mongo;

import app.ombud.support.StoreCommands;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.bson.json.JsonWriterSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For the scale benchmark only: with {@code ombud.bench.probe=true} a forked Ombud (whose
 * classpath holds the test classes, so component scanning finds this) counts the commands its
 * MongoDB driver sends to the store for HTTP requests (those {@link StoreCommands} counts: reads
 * and writes, no handshakes or heartbeats) and keeps the latest ones, and publishes both as the
 * MBean {@value #NAME}, which the benchmark reads over JMX. The driver's own listener is the only place that sees every command:
 * mongo-java-server has no command hook of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ombud.bench.probe")
class StoreCommandProbe {

    static final String NAME = "app.ombud.bench:type=StoreCommands";
    private static final int KEPT = 40;

    /**
     * The threads that serve HTTP requests (virtual threads named by Tomcat): the jobs' and the
     * outbox's commands come from others, and would otherwise count as the request's.
     */
    static final String REQUEST_THREADS = "tomcat-handler-";

    /** What the benchmark reads. */
    public interface Counter {
        /** The commands sent so far by the threads serving HTTP requests. */
        int getSent();

        /** The latest commands (oldest first, each cut to 4,000 characters), and forgets them. */
        List<String> takeRecent();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer benchCommandCounter() throws JMException {
        var requestCommands = new java.util.concurrent.atomic.AtomicInteger();
        var recent = new ConcurrentLinkedDeque<String>();
        CommandListener keep = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (StoreCommands.counted(event.getCommandName())
                        && Thread.currentThread().getName().startsWith(REQUEST_THREADS)) {
                    requestCommands.incrementAndGet();
                    // cut while writing: an insert of 1,000 cases would be megabytes of JSON
                    recent.addLast(event.getCommand().toJson(JsonWriterSettings.builder().maxLength(4_000).build()));
                    while (recent.size() > KEPT) {
                        recent.pollFirst();
                    }
                }
            }
        };
        Counter counter = new Counter() {
            @Override
            public int getSent() {
                return requestCommands.get();
            }

            @Override
            public List<String> takeRecent() {
                List<String> taken = new ArrayList<>();
                for (String command; (command = recent.pollFirst()) != null; ) {
                    taken.add(command);
                }
                return taken;
            }
        };
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(counter, Counter.class),
                new ObjectName(NAME));
        return settings -> settings.addCommandListener(keep);
    }
}
