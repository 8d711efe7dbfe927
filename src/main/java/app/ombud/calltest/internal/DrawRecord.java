package app.ombud.calltest.internal;

import app.ombud.calltest.Draw;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SlotStatus;
import app.ombud.calltest.Stratum;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A draw as the plan stores it: what {@link StratifiedDraw} was given and what it picked. */
public record DrawRecord(UUID id, String month, long seed, String algorithm, int slotMinutes,
        List<Instant> timeSlots, List<Stratum> strata, List<Slot> slots, String drawnBy, Instant drawnAt,
        boolean cancelled, String cancelledBy, Instant cancelledAt, String cancelReason) {

    /** Whether the stored seed on the stored lists gives the stored slots again. */
    public boolean reproducible() {
        var picks = StratifiedDraw.draw(id, seed, strata, timeSlots);
        if (picks.size() != slots.size()) {
            return false;
        }
        for (int i = 0; i < picks.size(); i++) {
            var pick = picks.get(i);
            var slot = slots.get(i);
            var stratum = strata.get(pick.stratum());
            if (!pick.id().equals(slot.id()) || !pick.agentEmployeeId().equals(slot.agentEmployeeId())
                    || !pick.at().equals(slot.at()) || !stratum.teamId().equals(slot.teamId())
                    || stratum.channel() != slot.channel()
                    || !java.util.Objects.equals(stratum.retestOf(), slot.retestOf())) {
                return false;
            }
        }
        return true;
    }

    public DrawRecord cancel(String by, Instant at, String reason) {
        var left = slots.stream().map(s -> s.status() == SlotStatus.PLANNED ? PlanDocument.withStatus(s,
                SlotStatus.CANCELLED, null, reason) : s).toList();
        return new DrawRecord(id, month, seed, algorithm, slotMinutes, timeSlots, strata, left, drawnBy, drawnAt, true,
                by, at, reason);
    }

    public DrawRecord withSlots(List<Slot> next) {
        return new DrawRecord(id, month, seed, algorithm, slotMinutes, timeSlots, strata, next, drawnBy, drawnAt,
                cancelled, cancelledBy, cancelledAt, cancelReason);
    }

    public Draw view() {
        return new Draw(id, month, seed, algorithm, slotMinutes, List.copyOf(timeSlots), List.copyOf(strata),
                List.copyOf(slots), drawnBy, drawnAt, cancelled, cancelledBy, cancelledAt, cancelReason,
                reproducible());
    }
}
