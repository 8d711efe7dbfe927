package app.ombud.calltest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A month's draw: the seed, the algorithm, the eligible time slots and per stratum the eligible
 * agents, exactly as drawn, and the slots drawn from them. The same seed on the same stored
 * lists gives the same slots again ({@code reproducible}, checked when the draw is read). A
 * cancelled draw stays on the plan, its planned slots cancelled.
 */
public record Draw(UUID id, String month, long seed, String algorithm, int slotMinutes, List<Instant> timeSlots,
        List<Stratum> strata, List<Slot> slots, String drawnBy, Instant drawnAt, boolean cancelled,
        String cancelledBy, Instant cancelledAt, String cancelReason, boolean reproducible) {
}
