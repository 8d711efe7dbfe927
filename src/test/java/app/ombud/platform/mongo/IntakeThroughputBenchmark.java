package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What durable writes cost: intakes per second through the API (GraphQL {@code intakeCase}, one
 * HTTP client per thread) on the embedded file store, with mongo-java-server's own behaviour
 * (auto-commit every second, no sync: {@code OMBUD_EMBEDDED_SYNC=false}) and with the group
 * commit and sync (the default), for 1 and 8 concurrent clients. Both run in one go, alternating,
 * each round on a fresh store, so the ratio holds on a noisy shared machine.
 *
 * <p>On demand only: the name matches neither surefire's nor failsafe's patterns, so
 * {@code ./mvnw verify} never runs it. Run it with
 * {@code ./mvnw -B -ntp test -Dtest=IntakeThroughputBenchmark} (optionally
 * {@code -Dbenchmark.seconds=20 -Dbenchmark.rounds=3}); the table is printed and written to
 * target/durability-benchmark/results.txt.
 */
class IntakeThroughputBenchmark {

    private static final Map<String, Map<String, String>> MODES = new LinkedHashMap<>();

    static {
        MODES.put("auto-commit, no sync (before)", Map.of("OMBUD_EMBEDDED_SYNC", "false"));
        MODES.put("group commit + sync (after)", Map.of("OMBUD_EMBEDDED_SYNC", "true"));
    }

    private final Path work = Path.of("target", "durability-benchmark");
    private final AtomicLong phones = new AtomicLong(13_600_000_000L);

    record Result(String mode, int clients, int round, long intakes, double seconds, double medianMillis) {
        double perSecond() {
            return intakes / seconds;
        }
    }

    @Test
    void intakeThroughputBeforeAndAfterDurableWrites() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 15);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        List<Result> results = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> modes = new ArrayList<>(MODES.keySet());
        for (int round = 1; round <= rounds; round++) {
            for (String mode : modes) {
                Path data = Files.createTempDirectory(Files.createDirectories(work), "store-");
                long intakes = 0;
                try (var ombud = ForkedOmbud.start(data, work.resolve("round" + round + "-" + mode.split(",| ")[0] + ".log"),
                        "AGENT", MODES.get(mode), List.of("-Xmx512m"))) {
                    intakes += measure(ombud, 8, Duration.ofSeconds(5)).intakes(); // warm-up: JIT, caches, first chunks
                    for (int clients : new int[] {1, 8}) {
                        var run = measure(ombud, clients, Duration.ofSeconds(seconds));
                        intakes += run.intakes();
                        results.add(new Result(mode, clients, round, run.intakes(), run.seconds(), run.medianMillis()));
                        System.out.println(format(results.getLast()));
                    }
                }
                // after the clean stop: what the store file grew to
                files.add(String.format("round %d  %-30s  store file %.1f MB after %d intakes", round, mode,
                        Files.size(data.resolve("ombud.mv")) / 1e6, intakes));
            }
            Collections.reverse(modes); // A B, B A, ...: neither mode always runs on a warmer machine
        }

        var report = new StringBuilder();
        report.append("Intake throughput on the embedded file store, ").append(rounds).append(" rounds of ")
                .append(seconds).append(" s per measurement, ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average at the end ")
                .append(String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append('\n');
        results.forEach(result -> report.append(format(result)).append('\n'));
        files.forEach(line -> report.append(line).append('\n'));
        for (int clients : new int[] {1, 8}) {
            double before = mean(results, "auto-commit, no sync (before)", clients);
            double after = mean(results, "group commit + sync (after)", clients);
            report.append(String.format("%d client(s): before %.1f/s, after %.1f/s, after/before %.2f%n", clients,
                    before, after, after / before));
        }
        System.out.println(report);
        Files.writeString(work.resolve("results.txt"), report, StandardCharsets.UTF_8);
        assertThat(results).allSatisfy(result -> assertThat(result.intakes()).isPositive());
    }

    private record Run(long intakes, double seconds, double medianMillis) {
    }

    /** Clients send intakes back to back for the duration; counts the answered ones. */
    private Run measure(ForkedOmbud ombud, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            done.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    ombud.intake(phones.incrementAndGet());
                    latencies.add(System.nanoTime() - sent);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : done) {
            all.addAll(future.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new Run(all.size(), elapsed, all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6);
    }

    private static double mean(List<Result> results, String mode, int clients) {
        return results.stream().filter(r -> r.mode().equals(mode) && r.clients() == clients)
                .mapToDouble(Result::perSecond).average().orElse(Double.NaN);
    }

    private static String format(Result result) {
        return String.format("round %d  %-30s  %d client(s)  %5d intakes in %5.1f s  %6.1f/s  median %6.1f ms",
                result.round(), result.mode(), result.clients(), result.intakes(), result.seconds(), result.perSecond(),
                result.medianMillis());
    }
}
