package app.ombud.platform.mongo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scale benchmark's figures per store size, and the Markdown table they make. */
final class ScaleReport {

    /** One request at one client count: API and driver latencies (ms) and the API's answers per second. */
    record Latency(String request, int clients, double[] api, double[] driver, double apiPerSecond) {
        double ratio() {
            return api[0] / driver[0];
        }
    }

    /** What one size measured. */
    static final class Size {
        /** The cases asked for; a reused store's own count once it is known. */
        int cases;
        String fill = "";
        double startupSeconds;
        double rssMb;
        double heapMb;
        double rssAfterMb;
        double heapAfterMb;
        double storeMb;
        double intakesPerSecond;
        double intakeMedianMs;
        final Map<String, int[]> commands = new LinkedHashMap<>();
        final Map<String, String> finds = new LinkedHashMap<>();
        final Map<String, String> sent = new LinkedHashMap<>();
        String intake = "";
        final List<Latency> latencies = new ArrayList<>();

        Size(int cases) {
            this.cases = cases;
        }
    }

    private final List<Size> sizes = new ArrayList<>();
    private final String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private final String loadAtStart = load();

    void add(Size size) {
        sizes.add(size);
    }

    String markdown(int seconds, int rounds) {
        var out = new StringBuilder("# Scale benchmark, " + started + "\n\n").append(machine())
                .append(String.format("Load average at the start %s, at the end %s. Turns of %d s, %d rounds per request,"
                        + " side and client count, API and driver in alternation.%n%n", loadAtStart, load(), seconds,
                        rounds));
        out.append("| cases | fill | store file | startup to first token | RSS / heap after GC, idle"
                + " | RSS / heap after GC, after the load | intake, 8 clients |\n|---|---|---|---|---|---|---|\n");
        for (Size s : sizes) {
            out.append(String.format("| %,d | %s | %.0f MB | %.1f s | %.0f / %.0f MB | %.0f / %.0f MB | %s |%n", s.cases,
                    s.fill, s.storeMb, s.startupSeconds, s.rssMb, s.heapMb, s.rssAfterMb, s.heapAfterMb,
                    s.intakesPerSecond == 0 ? "–" : String.format("%.1f/s (median %.0f ms)", s.intakesPerSecond,
                            s.intakeMedianMs)));
        }
        for (Size s : sizes) {
            if (s.latencies.isEmpty()) {
                continue;
            }
            out.append(String.format("%n## %,d cases%n%n| request | clients | API p50 / p95 / p99 ms"
                    + " | driver p50 / p95 / p99 ms | API/driver (p50) | API answers/s |%n|---|---|---|---|---|---|%n",
                    s.cases));
            for (Latency l : s.latencies) {
                out.append(String.format("| %s | %d | %s | %s | %.2f | %.1f |%n", l.request(), l.clients(),
                        triple(l.api()), triple(l.driver()), l.ratio(), l.apiPerSecond()));
            }
            out.append("\nStore commands per API request (median of 3), page of 10 / page of 50:\n\n");
            s.commands.forEach((request, n) -> out.append(String.format("- %s: %s (%s)%n", request,
                    n.length == 1 ? String.valueOf(n[0]) : n[0] + " / " + n[1], s.sent.get(request))));
            out.append("\nIntake: ").append(s.intake).append("\n");
            out.append("\nThe find the driver replays (page of 50):\n\n");
            s.finds.forEach((request, json) -> out.append("- ").append(request).append(": `").append(json)
                    .append("`\n"));
        }
        return out.toString();
    }

    private static String triple(double[] q) {
        return String.format("%.1f / %.1f / %.1f", q[0], q[1], q[2]);
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Cores, CPU, memory, JDK, the file system of target/. */
    private static String machine() {
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal");
        String disk;
        try {
            var store = Files.getFileStore(Path.of("target"));
            disk = store.type() + " on " + store.name() + String.format(" (%.0f GB free)",
                    store.getUsableSpace() / 1e9);
        } catch (IOException e) {
            disk = "unknown (" + e.getMessage() + ")";
        }
        return String.format("Machine: %d cores (%s), %s, %s %s, disk %s, OS %s %s.%n%n",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), disk, System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    private static String firstLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
