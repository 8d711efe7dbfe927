package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The scale benchmark (issue 12): per store size, a forked Ombud on the embedded file store (the
 * default backend) is filled with N generated cases ({@code BulkCases}, during its bootstrap, with
 * the demo data beside them), stopped and started again; then it measures the startup, the memory,
 * and — interleaved, API and driver in alternation — the case list, a case's detail, an archive
 * search with filters, the review list and the escalation list through the API (a real token,
 * GraphQL over HTTP) against the MongoDB driver asking the store directly for the same page (the
 * find the API's request sent, replayed), with 1, 8 and 32 clients; the store commands per
 * request for pages of 10 and 50; and intakes with 8 clients.
 *
 * <p>On demand only (the name matches neither surefire's nor failsafe's patterns): {@code ./mvnw
 * -B -ntp test -Dtest=ScaleBenchmark}, optionally {@code -Dscale.sizes=10000,100000,1000000}
 * (default 10000,100000), {@code -Dscale.seconds=3} (one turn), {@code -Dscale.rounds=2} and
 * {@code -Dscale.jvm="-XX:StartFlightRecording=filename=target/scale-benchmark/%p.jfr"} (more
 * options for the forked JVMs, here a profile of each), {@code -Dscale.keep=true} (keep the filled
 * stores) and {@code -Dscale.reuse=true} (measure a kept store again instead of filling it). The
 * table goes to target/scale-benchmark/results.md (written after each size).
 */
class ScaleBenchmark {

    private static final Pattern FILLED = Pattern.compile("Bulk cases written: (\\d+) cases over (\\d+) days in (\\d+)"
            + " ms \\((\\d+) cases/s\\)");
    private static final int[] CLIENTS = {1, 8, 32};
    private static final String ROLES = "AGENT,LEADERSHIP,REVIEWER";

    private final Path work = Path.of("target", "scale-benchmark");
    private final AtomicLong phones = new AtomicLong(13_900_000_000L);
    private final int seconds = Integer.getInteger("scale.seconds", 3);
    private final int rounds = Integer.getInteger("scale.rounds", 2);

    @Test
    void pagesCostTheSameAtEveryScale() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("scale.sizes", "10000,100000").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        if (!Boolean.getBoolean("scale.reuse")) {
            ForkedOmbud.emptyDirectory(work);
        }
        var report = new ScaleReport();
        report.add(empty());
        for (int cases : sizes) {
            report.add(measure(cases));
            Files.writeString(work.resolve("results.md"), report.markdown(seconds, rounds), StandardCharsets.UTF_8);
        }
        String table = report.markdown(seconds, rounds);
        System.out.println(table);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        assertThat(table).contains("API/driver");
    }

    /** Startup and idle memory on an empty store. */
    private ScaleReport.Size empty() throws Exception {
        var size = new ScaleReport.Size(0);
        size.fill = "–";
        Path store = Files.createDirectories(work.resolve("store-0"));
        try (var fork = Fork.start(store, work.resolve("empty.log"), List.of(), Duration.ofMinutes(4))) {
            size.startupSeconds = fork.startupSeconds;
            size.rssMb = fork.probe.rss() / 1e6;
            size.heapMb = fork.probe.heapAfterGc() / 1e6;
            size.rssAfterMb = size.rssMb;
            size.heapAfterMb = size.heapMb;
        }
        size.storeMb = Files.size(store.resolve("ombud.mv")) / 1e6;
        ForkedOmbud.emptyDirectory(store);
        return size;
    }

    private ScaleReport.Size measure(int cases) throws Exception {
        var size = new ScaleReport.Size(cases);
        Path store = Files.createDirectories(work.resolve("store-" + cases));
        Path fillLog = work.resolve("fill-" + cases + ".log");
        if (Boolean.getBoolean("scale.reuse") && Files.exists(store.resolve("ombud.mv"))) {
            size.fill = "(store of an earlier run)";
        } else {
            fill(cases, store, fillLog, size);
        }
        size.storeMb = Files.size(store.resolve("ombud.mv")) / 1e6;
        try (var fork = Fork.start(store, work.resolve("measure-" + cases + ".log"), List.of(), Duration.ofMinutes(30))) {
            size.startupSeconds = fork.startupSeconds;
            size.rssMb = fork.probe.rss() / 1e6;
            size.heapMb = fork.probe.heapAfterGc() / 1e6;
            // what the store holds (a reused store may be one whose fill was stopped); count without a
            // filter is the collection's size in the embedded store, not a scan
            size.cases = fork.store.runCommand(new org.bson.Document("count", "cases")).get("n", Number.class)
                    .intValue();
            System.out.printf("%,d cases: started in %.1f s, RSS %.0f MB, heap %.0f MB%n", cases, size.startupSeconds,
                    size.rssMb, size.heapMb);
            Map<String, Measured> requests = prepare(fork, size);
            for (Measured m : requests.values()) { // warm-up: JIT, caches
                if (m.feasible(8)) {
                    ConcurrentLoad.run(8, Duration.ofSeconds(seconds), m::api);
                }
            }
            for (int clients : CLIENTS) {
                for (Measured m : requests.values()) {
                    if (m.feasible(clients)) {
                        size.latencies.add(m.interleaved(clients));
                    } else if (clients == 1) {
                        size.latencies.add(m.once());
                    } else {
                        double[] none = {Double.NaN, Double.NaN, Double.NaN};
                        size.latencies.add(new ScaleReport.Latency(request(m) + " (left out: one request took "
                                + Math.round(m.captureMillis) + " ms)", clients, none, none, Double.NaN));
                    }
                }
                System.out.printf("%,d cases: %d clients done%n", cases, clients);
            }
            intakeCommands(fork, size);
            ConcurrentLoad.Run intakes = ConcurrentLoad.run(8, Duration.ofSeconds(4L * seconds),
                    () -> fork.ombud.intake(phones.incrementAndGet()));
            size.intakesPerSecond = intakes.perSecond();
            size.intakeMedianMs = ConcurrentLoad.quantileMillis(intakes.latencies(), 0.5);
            size.rssAfterMb = fork.probe.rss() / 1e6;
            size.heapAfterMb = fork.probe.heapAfterGc() / 1e6;
        }
        size.storeMb = Math.max(size.storeMb, Files.size(store.resolve("ombud.mv")) / 1e6);
        if (!Boolean.getBoolean("scale.keep")) {
            ForkedOmbud.emptyDirectory(store); // a million cases are gigabytes; the logs stay
        }
        return size;
    }

    /**
     * The commands of one intake, and what its find on the cases (the repeat detection: the
     * customer's earlier cases in the category) costs the driver alone.
     */
    private void intakeCommands(Fork fork, ScaleReport.Size size) throws Exception {
        fork.probe.takeRecentCommands();
        long start = System.nanoTime();
        fork.ombud.intake(phones.incrementAndGet());
        double intakeMillis = (System.nanoTime() - start) / 1e6;
        List<String> commands = fork.probe.takeRecentCommands();
        DriverReplay find;
        try {
            find = DriverReplay.of(fork.store, "cases", commands);
        } catch (IllegalStateException none) {
            size.intake = String.format("one intake %.0f ms, %d commands, none a find on the cases", intakeMillis,
                    commands.size());
            return;
        }
        start = System.nanoTime();
        find.send();
        size.intake = String.format("one intake %.0f ms, %d commands (%s); its find on the cases alone %.0f ms: `%s`",
                intakeMillis, commands.size(), String.join(", ", commands.stream().map(DriverReplay::describe).toList()),
                (System.nanoTime() - start) / 1e6, find.json());
    }

    /** A fork that writes the demo data and N cases during its bootstrap, then stops; the rate from its log. */
    private void fill(int cases, Path store, Path fillLog, ScaleReport.Size size) throws Exception {
        long fillStart = System.nanoTime();
        try (var fork = Fork.start(store, fillLog, List.of("-Dombud.bench.bulk-cases=" + cases,
                "-Dombud.demo-data.enabled=true"), Duration.ofMinutes(90))) {
            Matcher filled = FILLED.matcher(Files.readString(fillLog, StandardCharsets.UTF_8));
            assertThat(filled.find()).as("the fill's log line in %s", fillLog).isTrue();
            size.fill = String.format("%,d cases/s (%s s; fork up in %.0f s)", Integer.parseInt(filled.group(4)),
                    Long.parseLong(filled.group(3)) / 1000, (System.nanoTime() - fillStart) / 1e9);
            System.out.printf("%,d cases: %s%n", cases, size.fill);
        }
    }

    /**
     * The requests with their variants, each with the driver's replay of its find, and the store
     * commands each sends for pages of 10 and 50 (a request alone, so only the jobs' commands could
     * add to it: the median of three).
     */
    private Map<String, Measured> prepare(Fork fork, ScaleReport.Size size) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<Map<String, Object>> archive = new ArrayList<>();
        for (String category : List.of("PRODUCT_QUALITY", "DELIVERY_DELAY", "POLICY_TERMS")) {
            archive.add(Map.of("filter", Map.of("status", "ARCHIVED", "category", category,
                    // inside the month every store size covers, and older than a week: archived cases
                    "from", now.minus(Duration.ofDays(25)).toString(), "to", now.minus(Duration.ofDays(8)).toString())));
        }
        archive.add(Map.of("filter", Map.of("status", "CLOSED", "channel", "ONLINE", "level", 3)));
        List<ScaleRequests> requests = new ArrayList<>(List.of(
                new ScaleRequests("cases(first) list", "cases", ScaleRequests.LIST, List.of(Map.of())),
                new ScaleRequests("archive search", "cases", ScaleRequests.ARCHIVE, archive),
                new ScaleRequests("reviews(queue: ALL)", "reviews", ScaleRequests.REVIEWS, List.of(Map.of())),
                new ScaleRequests("escalations", "escalations", ScaleRequests.ESCALATIONS, List.of(Map.of()))));
        List<Map<String, Object>> ids = new ArrayList<>();
        for (var variant : archive) {
            try {
                JsonNode page = fork.ombud.graphql(ScaleRequests.ARCHIVE, new HashMap<>(Map.of("first", 5,
                        "filter", variant.get("filter"))));
                page.path("data").path("cases").path("edges").forEach(edge -> ids.add(Map.of("id",
                        edge.path("node").path("id").asString())));
            } catch (IOException timedOut) { // no answer within ForkedOmbud's 60 s: the next variant
                System.out.println("archive search for ids: " + timedOut);
            }
        }
        if (!ids.isEmpty()) {
            requests.add(1, new ScaleRequests("case(id) detail", "cases", ScaleRequests.DETAIL, ids));
        }

        Map<String, Measured> measured = new LinkedHashMap<>();
        for (ScaleRequests request : requests) {
            Measured m;
            try {
                m = new Measured(fork, request);
            } catch (IOException e) { // ForkedOmbud's HTTP timeout (60 s): nothing to measure under load
                size.sent.put(request.name(), "no answer: " + e.getMessage());
                size.commands.put(request.name(), new int[] {-1});
                continue;
            }
            measured.put(request.name(), m);
            size.finds.put(request.name(), m.replays.getFirst().json());
            size.sent.put(request.name(), m.sent);
            // counting a too slow request's commands would take minutes more: -1 is "not counted"
            size.commands.put(request.name(), m.tooSlow() ? new int[] {-1} : request.paged()
                    ? new int[] {m.commandsPerRequest(10), m.commandsPerRequest(50)}
                    : new int[] {m.commandsPerRequest(50)});
        }
        return measured;
    }

    private static String request(Measured m) {
        return m.request.name();
    }

    /** One request kind against one fork: its API calls, its driver replays, their interleaved timing. */
    private final class Measured {
        final Fork fork;
        final ScaleRequests request;
        final List<DriverReplay> replays = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();
        /** The slowest of the capturing requests. */
        double captureMillis;
        /** The commands the first variant sent, as "find cases, find people, ...". */
        String sent = "";

        Measured(Fork fork, ScaleRequests request) throws Exception {
            this.fork = fork;
            this.request = request;
            for (int i = 0; i < request.variants().size() && !tooSlow(); i++) {
                fork.probe.takeRecentCommands();
                long start = System.nanoTime();
                answer(request.variables(i, 50));
                captureMillis = Math.max(captureMillis, (System.nanoTime() - start) / 1e6);
                List<String> commands = fork.probe.takeRecentCommands();
                replays.add(DriverReplay.of(fork.store, request.collection(), commands));
                if (i == 0) {
                    sent = String.join(", ", commands.stream().map(DriverReplay::describe).toList());
                }
            }
        }

        /** One request of each side, timed (the first variant; after the capture, so not cold). */
        ScaleReport.Latency once() throws Exception {
            long start = System.nanoTime();
            answer(request.variables(0, 50));
            double api = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            replays.getFirst().send();
            double driver = (System.nanoTime() - start) / 1e6;
            return new ScaleReport.Latency(request.name() + " (one request each; no load runs: one took "
                    + Math.round(captureMillis) + " ms)", 1,
                    new double[] {api, api, api}, new double[] {driver, driver, driver}, 1000 / api);
        }

        /** Whether one request took longer than {@code scale.slow-ms} (default 5,000 ms): load runs would take hours. */
        boolean tooSlow() {
            return captureMillis > Integer.getInteger("scale.slow-ms", 5_000);
        }

        /**
         * Whether a load run with this many clients ends in reasonable time: each request waits for
         * the others', so a client waits about clients × one request, and ForkedOmbud gives up after
         * 60 s. Runs that would wait longer than 30 s are left out (and named so in the table).
         */
        boolean feasible(int clients) {
            return !tooSlow() && captureMillis * clients < 30_000;
        }

        void api() throws Exception {
            answer(request.variables(next.getAndIncrement(), 50));
        }

        void driver() {
            replays.get(Math.floorMod(next.getAndIncrement(), replays.size())).send();
        }

        private void answer(Map<String, Object> variables) throws Exception {
            JsonNode answer = fork.ombud.graphql(request.document(), variables);
            if (!answer.path("errors").isMissingNode()) {
                throw new IllegalStateException(request.name() + ": " + answer.path("errors"));
            }
        }

        int commandsPerRequest(int first) throws Exception {
            int[] counts = new int[3];
            for (int i = 0; i < counts.length; i++) {
                int before = fork.probe.commands();
                answer(request.variables(i, first));
                counts[i] = fork.probe.commands() - before;
            }
            Arrays.sort(counts);
            return counts[1];
        }

        /** Turns of API and driver in alternation (API first in odd rounds, driver first in even ones). */
        ScaleReport.Latency interleaved(int clients) throws Exception {
            List<Long> api = new ArrayList<>();
            List<Long> driver = new ArrayList<>();
            double apiSeconds = 0;
            for (int round = 0; round < rounds; round++) {
                for (boolean apiTurn : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    var run = ConcurrentLoad.run(clients, Duration.ofSeconds(seconds), apiTurn ? this::api : this::driver);
                    (apiTurn ? api : driver).addAll(run.latencies());
                    apiSeconds += apiTurn ? run.seconds() : 0;
                }
            }
            return new ScaleReport.Latency(request.name(), clients, quantiles(api), quantiles(driver),
                    api.size() / apiSeconds);
        }

        private static double[] quantiles(List<Long> latencies) {
            return new double[] {ConcurrentLoad.quantileMillis(latencies, 0.5),
                ConcurrentLoad.quantileMillis(latencies, 0.95), ConcurrentLoad.quantileMillis(latencies, 0.99)};
        }
    }

    /** A forked Ombud with its probe and a driver client of its own to the fork's embedded store. */
    private static final class Fork implements AutoCloseable {
        final ForkedOmbud ombud;
        final ForkProbe probe;
        final MongoClient client;
        final MongoDatabase store;
        final double startupSeconds;

        private Fork(ForkedOmbud ombud, ForkProbe probe, int storePort, double startupSeconds) {
            this.ombud = ombud;
            this.probe = probe;
            this.startupSeconds = startupSeconds;
            this.client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + storePort))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .applyToConnectionPoolSettings(pool -> pool.maxSize(64)).build());
            this.store = client.getDatabase("ombud");
        }

        /** Starts Ombud with the probe, JMX and its store on ports of their own; times it up to the first token. */
        static Fork start(Path store, Path log, List<String> options, Duration limit) throws Exception {
            int jmx = freePort();
            int storePort = freePort();
            List<String> jvm = new ArrayList<>(ForkProbe.jvmOptions(jmx));
            jvm.add("-Dombud.mongodb.embedded.port=" + storePort);
            jvm.addAll(options);
            String extra = System.getProperty("scale.jvm", "").strip(); // e.g. a flight recording
            if (!extra.isEmpty()) {
                jvm.addAll(List.of(extra.split("\\s+")));
            }
            long start = System.nanoTime();
            var ombud = ForkedOmbud.start(store, log, ROLES, Map.of(), jvm, limit);
            double startup = (System.nanoTime() - start) / 1e9;
            try {
                return new Fork(ombud, ForkProbe.connect(jmx, ombud.pid()), storePort, startup);
            } catch (IOException | RuntimeException e) {
                ombud.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
            probe.close();
            ombud.close();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
