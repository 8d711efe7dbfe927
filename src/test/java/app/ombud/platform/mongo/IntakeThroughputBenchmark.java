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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What durable writes cost: intakes per second through the API (GraphQL {@code intakeCase}, one
 * HTTP client per thread) on the embedded file store, with mongo-java-server's own behaviour
 * (auto-commit every second, no sync: {@code OMBUD_EMBEDDED_SYNC=false}) and with the group
 * commit and sync (the default), for 1 and 8 concurrent clients.
 *
 * <p>Both run at once, each in its own JVM on its own fresh store, and are measured in turns of a
 * few seconds (before, after, after, before, ...), so both see the same machine: on a shared
 * machine the load changes from minute to minute, and only the ratio means something.
 *
 * <p>On demand only: the name matches neither surefire's nor failsafe's patterns, so
 * {@code ./mvnw verify} never runs it. Run it with
 * {@code ./mvnw -B -ntp test -Dtest=IntakeThroughputBenchmark} (optionally
 * {@code -Dbenchmark.seconds=10 -Dbenchmark.rounds=3}: the length of one turn, and how many
 * turns each setting gets per client count); the table is printed and written to
 * target/durability-benchmark/results.txt.
 */
class IntakeThroughputBenchmark {

    private static final String BEFORE = "auto-commit, no sync (before)";
    private static final String AFTER = "group commit + sync (after)";

    private final Path work = Path.of("target", "durability-benchmark");
    private final AtomicLong phones = new AtomicLong(13_600_000_000L);

    /** The sum of one setting's turns at one client count. */
    private static final class Total {
        long intakes;
        double seconds;
        final List<Long> latencies = new ArrayList<>();

        double perSecond() {
            return intakes / seconds;
        }

        double medianMillis() {
            Collections.sort(latencies);
            return latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2) / 1e6;
        }
    }

    @Test
    void intakeThroughputBeforeAndAfterDurableWrites() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 8);
        int rounds = Integer.getInteger("benchmark.rounds", 6);
        ForkedOmbud.emptyDirectory(work);
        Map<String, ForkedOmbud> ombuds = new LinkedHashMap<>();
        Map<String, Path> stores = new LinkedHashMap<>();
        try {
            for (var mode : Map.of(BEFORE, "false", AFTER, "true").entrySet()) {
                Path data = Files.createTempDirectory(work, "store-");
                stores.put(mode.getKey(), data);
                ombuds.put(mode.getKey(), ForkedOmbud.start(data, work.resolve("sync-" + mode.getValue() + ".log"),
                        "AGENT", Map.of("OMBUD_EMBEDDED_SYNC", mode.getValue()), List.of("-Xmx512m")));
            }
            for (ForkedOmbud ombud : ombuds.values()) {
                measure(ombud, 8, Duration.ofSeconds(5), new Total()); // warm-up: JIT, caches, the first chunks
            }

            Map<String, Total> totals = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(List.of(BEFORE, AFTER));
            for (int round = 1; round <= rounds; round++) {
                for (int clients : new int[] {1, 8}) {
                    for (String mode : order) {
                        Total total = totals.computeIfAbsent(mode + "|" + clients, key -> new Total());
                        long intakes = measure(ombuds.get(mode), clients, Duration.ofSeconds(seconds), total);
                        System.out.printf("round %d  %-30s  %d client(s)  %4d intakes%n", round, mode, clients, intakes);
                    }
                    Collections.reverse(order);
                }
            }
            ombuds.values().forEach(ForkedOmbud::close);

            var report = new StringBuilder(String.format(
                    "Intake throughput on the embedded file store: %d turns of %d s per setting and client count,"
                            + " %d cores, load average %.1f at the end, %s %s%n",
                    rounds, seconds, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version")));
            report.append("| clients | ").append(BEFORE).append(" | ").append(AFTER).append(" | after/before |\n");
            report.append("|---|---|---|---|\n");
            for (int clients : new int[] {1, 8}) {
                Total before = totals.get(BEFORE + "|" + clients);
                Total after = totals.get(AFTER + "|" + clients);
                report.append(String.format("| %d | %.1f/s (median %.0f ms) | %.1f/s (median %.0f ms) | %.2f |%n", clients,
                        before.perSecond(), before.medianMillis(), after.perSecond(), after.medianMillis(),
                        after.perSecond() / before.perSecond()));
            }
            for (var store : stores.entrySet()) {
                report.append(String.format("store file after the run (%s): %.1f MB%n", store.getKey(),
                        Files.size(store.getValue().resolve("ombud.mv")) / 1e6));
            }
            System.out.println(report);
            Files.writeString(work.resolve("results.txt"), report, StandardCharsets.UTF_8);
            for (Path store : stores.values()) {
                ForkedOmbud.emptyDirectory(store); // the stores can be large; the logs stay
            }
            assertThat(totals.values()).allSatisfy(total -> assertThat(total.intakes).isPositive());
        } finally {
            ombuds.values().forEach(ForkedOmbud::close);
        }
    }

    /** Clients send intakes back to back for the duration; adds the answered ones to the total. */
    private long measure(ForkedOmbud ombud, int clients, Duration duration, Total total) throws Exception {
        ConcurrentLoad.Run run = ConcurrentLoad.run(clients, duration, () -> ombud.intake(phones.incrementAndGet()));
        total.latencies.addAll(run.latencies());
        total.intakes += run.latencies().size();
        total.seconds += run.seconds();
        return run.latencies().size();
    }
}
