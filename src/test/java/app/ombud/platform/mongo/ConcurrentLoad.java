package app.ombud.platform.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Clients that send requests back to back for a while, each on its own thread, and the latency
 * of every answered request: the load of the benchmarks that fork Ombud.
 */
final class ConcurrentLoad {

    /** One request; an exception fails the run (a benchmark of failing requests measures nothing). */
    @FunctionalInterface
    interface Request {
        void send() throws Exception;
    }

    /** The latencies (nanoseconds) of a run, and how long it took in all. */
    record Run(List<Long> latencies, double seconds) {
        double perSecond() {
            return latencies.size() / seconds;
        }
    }

    private ConcurrentLoad() {
    }

    /** {@code clients} threads send {@code request} back to back for {@code duration}. */
    static Run run(int clients, Duration duration, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        request.send();
                        latencies.add(System.nanoTime() - sent);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : done) {
                all.addAll(future.get(duration.toSeconds() + 300, TimeUnit.SECONDS));
            }
            return new Run(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The q-quantile (0..1) of the latencies in milliseconds, nearest rank; sorts the list. */
    static double quantileMillis(List<Long> latencies, double q) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(latencies);
        int rank = (int) Math.ceil(q * latencies.size());
        return latencies.get(Math.clamp(rank - 1, 0, latencies.size() - 1)) / 1e6;
    }
}
