package app.ombud.calltest.internal;

import app.ombud.calltest.Stratum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The draw's sampling, a pure function of its inputs so that a stored draw can be reproduced.
 *
 * <p>The generator is Java's {@code L64X128MixRandom} (JEP 356, {@link RandomGeneratorFactory})
 * created with the draw's 64-bit seed. The strata are taken in the order stored; for each one the
 * generator first shuffles (Fisher–Yates, {@code nextInt(i + 1)} from the end) a copy of the
 * stratum's eligible agents and then a copy of the month's eligible time slots; the stratum's
 * {@code k}-th slot is the {@code k mod n}-th shuffled agent at the {@code k mod m}-th shuffled
 * time. So agents and times are drawn without replacement until a stratum's quota exceeds them,
 * and then cycle. Same seed + same stored lists → same slots; slot IDs are derived from the
 * draw's ID and the slot's position, so they repeat too.
 */
public final class StratifiedDraw {

    public static final String ALGORITHM = "L64X128MixRandom";

    private StratifiedDraw() {
    }

    /** A slot as the sampling picks it: the stratum's position, the agent and the time. */
    public record Pick(UUID id, int stratum, String agentEmployeeId, Instant at) {
    }

    public static List<Pick> draw(UUID drawId, long seed, List<Stratum> strata, List<Instant> timeSlots) {
        RandomGenerator random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
        List<Pick> picks = new ArrayList<>();
        for (int s = 0; s < strata.size(); s++) {
            var stratum = strata.get(s);
            List<String> agents = shuffled(stratum.eligibleAgents(), random);
            List<Instant> times = shuffled(timeSlots, random);
            for (int k = 0; k < stratum.quota(); k++) {
                picks.add(new Pick(slotId(drawId, picks.size()), s, agents.get(k % agents.size()),
                        times.get(k % times.size())));
            }
        }
        return picks;
    }

    static UUID slotId(UUID drawId, int position) {
        return UUID.nameUUIDFromBytes((drawId + "/" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> List<T> shuffled(List<T> items, RandomGenerator random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
