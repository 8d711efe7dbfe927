package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.mongo.ForkedOmbud.Intake;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kill -9 during a burst of intakes: every intake that was answered with its case is there after
 * the restart, whole, with its number, and no number is given out twice. Forks a real Ombud on
 * the embedded file store (its log: target/durability-it/*.log); its own JVM under failsafe.
 */
class AcknowledgedWritesSurviveKillIT {

    private static final String READ = """
            query($id: UUID!) { case(id: $id) { id number customer { name phone } grade { level }
              deadlines { resolutionDue } timeline { action actor } } }
            """;

    private static final String LIST = """
            query($after: String) { cases(first: 100, after: $after) { edges { node { number } }
              pageInfo { hasNextPage endCursor } } }
            """;

    private static final int WRITERS = 8;

    private final Path work = Path.of("target", "durability-it");
    private final AtomicLong phones = new AtomicLong(13_500_000_000L);

    @Test
    void everyAcknowledgedIntakeSurvivesASigkillAndNoNumberIsGivenTwice() throws Exception {
        Path data = ForkedOmbud.emptyDirectory(work).resolve("data");
        List<ForkedOmbud> started = new ArrayList<>();
        try {
            Map<String, Intake> acknowledged = new ConcurrentHashMap<>();
            var beforeKill = start(data, "before-kill", started);
            burstThenKill(beforeKill, acknowledged);
            assertThat(acknowledged).as("intakes answered before the kill").hasSizeGreaterThanOrEqualTo(WRITERS);

            var afterRestart = start(data, "after-restart", started);
            List<String> missing = new ArrayList<>();
            for (Intake intake : acknowledged.values()) {
                JsonNode found = afterRestart.graphql(READ, Map.of("id", intake.id())).path("data").path("case");
                if (!found.isObject()) {
                    missing.add(intake.number());
                    continue;
                }
                assertThat(found.path("number").asString()).isEqualTo(intake.number());
                assertThat(found.path("customer").path("name").asString()).isEqualTo(intake.name());
                assertThat(found.path("customer").path("phone").asString()).isEqualTo(intake.phone());
                assertThat(found.path("grade").path("level").asInt()).isEqualTo(2);
                assertThat(found.path("deadlines").path("resolutionDue").asString()).isNotEmpty();
                assertThat(found.path("timeline").valueStream().map(entry -> entry.path("action").asString()))
                        .as("timeline of %s", intake.number()).contains("intake");
                assertThat(found.path("timeline").valueStream().map(entry -> entry.path("actor").asString()))
                        .contains(ForkedOmbud.CLIENT_ID);
            }
            assertThat(missing).as("acknowledged cases missing after the restart, of %d", acknowledged.size()).isEmpty();
            List<String> numbersAfterRestart = allNumbers(afterRestart);
            assertThat(numbersAfterRestart).doesNotHaveDuplicates();

            // new cases after the restart: numbers never given out before the kill
            Set<String> handedOutBefore = new HashSet<>();
            acknowledged.values().forEach(intake -> handedOutBefore.add(intake.number()));
            Map<String, Intake> later = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 3; k++) {
                        Intake intake = afterRestart.intake(phones.incrementAndGet());
                        later.put(intake.id(), intake);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(later.values()).hasSize(12).allSatisfy(intake -> assertThat(handedOutBefore)
                    .as("numbers handed out before the kill").doesNotContain(intake.number()));
            assertThat(allNumbers(afterRestart)).doesNotHaveDuplicates()
                    .hasSize(numbersAfterRestart.size() + later.size());
        } catch (Throwable failure) {
            started.forEach(ombud -> System.err.println(ombud.tail(80)));
            throw failure;
        } finally {
            started.forEach(ForkedOmbud::close);
        }
    }

    /**
     * Eight clients send intakes until at least three seconds have passed and sixteen were
     * answered, then the JVM is killed while they are still sending.
     */
    private void burstThenKill(ForkedOmbud ombud, Map<String, Intake> acknowledged) throws Exception {
        var answered = new AtomicInteger();
        var stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        Intake intake = ombud.intake(phones.incrementAndGet());
                        acknowledged.put(intake.id(), intake);
                        answered.incrementAndGet();
                    } catch (IOException killed) {
                        return null; // no answer: the process is gone
                    }
                }
                return null;
            }));
        }
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 3 || answered.get() < 2 * WRITERS) {
            assertThat(Duration.between(start, Instant.now())).as("time for %d answers", 2 * WRITERS)
                    .isLessThan(Duration.ofMinutes(3));
            Thread.sleep(50);
        }
        ombud.kill();
        stop.set(true);
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.printf("%d intakes answered before the SIGKILL%n", acknowledged.size());
    }

    private static List<String> allNumbers(ForkedOmbud ombud) throws IOException, InterruptedException {
        List<String> numbers = new ArrayList<>();
        Object after = null;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode page = ombud.graphql(LIST, variables).path("data").path("cases");
            page.path("edges").forEach(edge -> numbers.add(edge.path("node").path("number").asString()));
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
                return numbers;
            }
            after = page.path("pageInfo").path("endCursor").asString();
        }
    }

    private ForkedOmbud start(Path data, String name, List<ForkedOmbud> started) throws Exception {
        // AGENT takes complaints in; LEADERSHIP lets the test list every case
        var ombud = ForkedOmbud.start(data, work.resolve(name + ".log"), "AGENT,LEADERSHIP", Map.of(),
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        started.add(ombud);
        return ombud;
    }
}
