package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.internal.TestCallDocument;
import app.ombud.calltest.internal.TestCallFields;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import app.ombud.platform.TimeBucket;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the test-call figures cost: {@code testCallMeasureRows} (MONTH × TEAM, QUARTER × COMPANY,
 * MONTH × AGENT) and {@code testCallCorrelations} through the API with a real BI reader's token,
 * over a quarter of 2,000 and one of 20,000 recorded test calls (20 teams, 1,000 agents, both
 * channels), and MONTH × TEAM through the service alone (no HTTP, no JSON). The calls are written
 * straight to the store in batches — as recorded calls, with realistic values — so loading them
 * takes seconds, not the hours the API would.
 *
 * <p>On demand only: the name matches neither surefire's nor failsafe's patterns (it must not start
 * with {@code Test} either: it was {@code TestCallRowsBenchmark}, which surefire ran), so
 * {@code ./mvnw verify} never runs it. Run it with
 * {@code ./mvnw -B -ntp test -Dtest=CallTestFiguresBenchmark} (optionally
 * {@code -Dbenchmark.repetitions=15}); the table is printed and written to
 * target/testcall-benchmark/results.txt.
 */
@OmbudIntegrationTest
class CallTestFiguresBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int TEAMS = 20;
    private static final int AGENTS_PER_TEAM = 50;
    private static final List<String> PROBLEMS = List.of("未核实身份", "未告知单号", "推诿", "等待过长", "用语不规范",
            "未主动回访");

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestCallStatistics statistics;

    @Autowired
    TestCallFields fields;

    private final Random random = new Random(20_000);

    private record Team(UUID id, UUID departmentId, double quality, List<String> agents) {
    }

    private record Query(String name, String document) {
    }

    @Test
    void measureRowsOverTwoThousandAndTwentyThousandTestCalls() throws Exception {
        int repetitions = Integer.getInteger("benchmark.repetitions", 10);
        Path work = Path.of("target", "testcall-benchmark");
        Files.createDirectories(work);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        long directoryStart = System.nanoTime();
        List<Team> teams = callCenter();
        System.out.printf("directory of %d agents in %.1f s%n", TEAMS * AGENTS_PER_TEAM,
                (System.nanoTime() - directoryStart) / 1e9);
        int year = LocalDate.now(ZONE).getYear() - 1;
        // two quarters with an empty quarter between, so neither's previous period holds the other's calls
        Quarter small = Quarter.parse(year + "-Q1", "quarter");
        Quarter large = Quarter.parse(year + "-Q3", "quarter");
        long loadStart = System.nanoTime();
        load(teams, small, 2_000);
        load(teams, large, 20_000);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.gc();
        long heapLoaded = memory.getHeapMemoryUsage().getUsed();

        // rows by agent are megabytes: more than the client's default buffer of 256 KB
        HttpGraphQlTester bi = HttpGraphQlTester.create(api.http().mutate().baseUrl(api.baseUrl() + "/graphql")
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 << 20))
                .defaultHeader("Authorization", "Bearer " + api.token(Role.BI_READER)).build());
        List<Query> queries = List.of(
                rows("MONTH × TEAM", "MONTH", "TEAM"),
                rows("QUARTER × COMPANY", "QUARTER", "COMPANY"),
                rows("MONTH × AGENT", "MONTH", "AGENT"),
                new Query("correlations", "query($from: Date!, $to: Date!) { testCallCorrelations(from: $from, to: $to)"
                        + " { a b n r pValue } }"));
        var report = new StringBuilder(String.format("Test-call figures: %d repetitions after %d warm-up runs,"
                + " %d cores,"
                + " load average %.1f at the start, %s %s, max heap %d MB%n", repetitions, 3,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), memory.getHeapMemoryUsage().getMax() >> 20));
        report.append(String.format("loaded 22,000 calls in %.1f s; heap used after GC %.0f MB before, %.0f MB after"
                + " loading%n", loadSeconds, heapBefore / 1e6, heapLoaded / 1e6));
        report.append("| request | 2,000 calls: median / p95 | 20,000 calls: median / p95 | ratio of medians |"
                + " rows (20,000) | allocated per request (20,000) |\n|---|---|---|---|---|---|\n");
        for (Query query : queries) {
            Timing two = time(repetitions, () -> execute(bi, query, small));
            Timing twenty = time(repetitions, () -> execute(bi, query, large));
            System.out.printf("%s: %.0f ms / %.0f ms%n", query.name(), two.median(), twenty.median());
            report.append(String.format("| %s (API) | %.0f / %.0f ms | %.0f / %.0f ms | %.1f | %d | %.0f MB |%n",
                    query.name(), two.median(), two.p95(), twenty.median(), twenty.p95(),
                    twenty.median() / two.median(), twenty.size, twenty.allocatedMb));
        }
        Timing two = time(repetitions, () -> service(small));
        Timing twenty = time(repetitions, () -> service(large));
        report.append(String.format("| MONTH × TEAM (service) | %.0f / %.0f ms | %.0f / %.0f ms | %.1f | %d"
                + " | %.0f MB |%n",
                two.median(), two.p95(), twenty.median(), twenty.p95(), twenty.median() / two.median(), twenty.size,
                twenty.allocatedMb));
        // where the time goes: the bare query (whole BSON documents), the statistics' query (projected, into
        // RecordedCalls)
        Timing raw = time(repetitions, () -> mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                recorded(large)), org.bson.Document.class, "testCalls").size());
        Timing mapped = time(repetitions, () -> fields.recordedBetween(start(large), end(large)).size());
        report.append(String.format("20,000 calls, MONTH × TEAM through the service: the bare query (whole documents)"
                + " %.0f ms, the statistics' query (RecordedCalls) %.0f ms (%.0f MB allocated)%n", raw.median(),
                mapped.median(),
                mapped.allocatedMb));
        System.gc();
        report.append(String.format("heap used after GC at the end: %.0f MB; load average at the end %.1f%n",
                memory.getHeapMemoryUsage().getUsed() / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(report);
        Files.writeString(work.resolve("results.txt"), report, StandardCharsets.UTF_8);
        assertThat(twenty.size).isPositive();
    }

    private static Query rows(String name, String bucket, String groupBy) {
        return new Query(name, "query($from: Date!, $to: Date!) { testCallMeasureRows(from: $from, to: $to, bucket: "
                + bucket + ", groupBy: " + groupBy + ") { periodStart groupId groupName measure n mean stdDev min max"
                + " threshold meetsThreshold changeFromPreviousPeriod } }");
    }

    private static int execute(HttpGraphQlTester tester, Query query, Quarter quarter) {
        return tester.document(query.document()).variable("from", quarter.firstMonth().atDay(1).toString())
                .variable("to", quarter.firstMonth().plusMonths(2).atEndOfMonth().toString()).execute()
                .path(query.name().equals("correlations") ? "testCallCorrelations" : "testCallMeasureRows")
                .entityList(Object.class).get().size();
    }

    private static Instant start(Quarter quarter) {
        return quarter.firstMonth().minusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    private static Instant end(Quarter quarter) {
        return quarter.firstMonth().plusMonths(3).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    private static org.springframework.data.mongodb.core.query.Criteria recorded(Quarter quarter) {
        return org.springframework.data.mongodb.core.query.Criteria.where("status").is("RECORDED").and("calledAt")
                .gte(java.util.Date.from(start(quarter))).lt(java.util.Date.from(end(quarter)));
    }

    private int service(Quarter quarter) {
        return as("BENCH-BI", () -> statistics.measureRows(quarter.firstMonth().atDay(1),
                quarter.firstMonth().plusMonths(2).atEndOfMonth(), TimeBucket.MONTH, TestCallGroup.TEAM),
                Role.BI_READER).size();
    }

    private record Timing(List<Double> millis, int size, double allocatedMb) {
        double median() {
            return millis.get(millis.size() / 2);
        }

        double p95() {
            return millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        }
    }

    /** Three warm-up runs, then the repetitions; the allocation is every thread's (server and client) per run. */
    private static Timing time(int repetitions, Supplier<Integer> run) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        List<Double> millis = new ArrayList<>();
        int size = 0;
        long allocated = threads.getTotalThreadAllocatedBytes();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            size = run.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double allocatedMb = (threads.getTotalThreadAllocatedBytes() - allocated) / 1e6 / repetitions;
        Collections.sort(millis);
        return new Timing(millis, size, allocatedMb);
    }

    /** 20 teams of 50 agents in two departments; each team's quality differs, so some miss thresholds. */
    private List<Team> callCenter() {
        String p = "B" + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        return asAdmin(() -> {
            List<Team> teams = new ArrayList<>();
            var departments = List.of(
                    directory.createDepartment(new DepartmentInput(p + "D1", "客服一部" + p, null, null)),
                    directory.createDepartment(new DepartmentInput(p + "D2", "客服二部" + p, null, null)));
            for (int t = 0; t < TEAMS; t++) {
                var department = departments.get(t % 2);
                var team = directory.createTeam(new TeamInput("第" + (t + 1) + "组" + p, department.id(), null));
                List<String> agents = new ArrayList<>();
                for (int a = 0; a < AGENTS_PER_TEAM; a++) {
                    String id = p + "T" + t + "A" + a;
                    directory.createPerson(new PersonInput(id, "坐席" + id, department.id(), team.id(),
                            Set.of(Role.AGENT), true, null, null));
                    agents.add(id);
                }
                teams.add(new Team(team.id(), department.id(), 0.6 + 0.4 * random.nextDouble(), agents));
            }
            return teams;
        });
    }

    /** {@code count} recorded calls spread over the quarter's working hours, written in batches of 1,000. */
    private void load(List<Team> teams, Quarter quarter, int count) {
        Actor executor = new Actor(Actor.Kind.PERSON, "bench-q1", "质检员", "BENCH-Q1", Set.of(Role.CALLTEST_STAFF));
        LocalDate first = quarter.firstMonth().atDay(1);
        int days = (int) (quarter.firstMonth().plusMonths(2).atEndOfMonth().toEpochDay() - first.toEpochDay()) + 1;
        List<TestCallDocument> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Team team = teams.get(random.nextInt(teams.size()));
            String agent = team.agents().get(random.nextInt(team.agents().size()));
            Instant at = first.plusDays(random.nextInt(days)).atTime(9 + random.nextInt(9), random.nextInt(60))
                    .atZone(ZONE).toInstant();
            boolean phone = random.nextDouble() < 0.7;
            double q = team.quality();
            Instant due = random.nextDouble() < 0.25 ? at.plus(Duration.ofDays(1 + random.nextInt(3))) : null;
            List<KnowledgeResult> knowledge = List.of(new KnowledgeResult("K1", random.nextDouble() < q + 0.2),
                    new KnowledgeResult("K2", random.nextDouble() < q + 0.1),
                    new KnowledgeResult("K3", random.nextDouble() < q + 0.25));
            List<String> problems = new ArrayList<>();
            if (random.nextDouble() > q) {
                problems.add(PROBLEMS.get(random.nextInt(PROBLEMS.size())));
            }
            var facts = new TestCallDocument.Facts(null, UUID.randomUUID(), false,
                    new ScenarioRef(UUID.randomUUID(), 1), ScenarioType.values()[random.nextInt(3)],
                    phone ? CallChannel.PHONE : CallChannel.ONLINE, agent, team.id(), team.departmentId(), at,
                    phone ? 1 + (int) Math.round(Math.abs(random.nextGaussian()) * (4 - 2 * q)) : null,
                    phone ? null : BigDecimal.valueOf(0.5 + Math.abs(random.nextGaussian()) * (6 - 4 * q))
                            .setScale(1, RoundingMode.HALF_UP),
                    "坐席按流程处理", random.nextDouble() < q + 0.1, knowledge,
                    new Communication(Math.min(5, 2 + (int) Math.round(q * 2 + random.nextGaussian() * 0.7)), null,
                            null, null), problems, null, null);
            BigDecimal score = BigDecimal.valueOf(Math.min(100, 55 + q * 40 + random.nextGaussian() * 6))
                    .setScale(2, RoundingMode.HALF_UP);
            var grading = new CallGrading(executor.key(), executor.name(), Map.of(), score, score, List.of(), at);
            var document = TestCallDocument.record(UUID.randomUUID(), "TB-" + quarter + "-" + i, facts, due, 1,
                    grading, executor, at);
            if (due != null && random.nextDouble() < q + 0.1) {
                document.deliverFollowUp(random.nextDouble() < 0.8 ? due.minus(Duration.ofHours(3))
                        : due.plus(Duration.ofHours(20)), executor, at);
            }
            batch.add(document);
            if (batch.size() == 1_000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
    }
}
