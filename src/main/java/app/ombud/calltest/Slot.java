package app.ombud.calltest;

import java.time.Instant;
import java.util.UUID;

/**
 * One test call to make: an agent of a team, on a channel, at a time — drawn ({@code drawId}) or
 * added by hand as a spot check ({@code spotCheck}, 不定期抽查). A test call recorded against it
 * marks it {@link SlotStatus#DONE} with the call's ID ({@link Draws#markSlotDone}). A drawn slot
 * with {@code retestOf} is an improvement action's re-test, added after the quota's slots.
 */
public record Slot(UUID id, UUID planId, String month, UUID drawId, boolean spotCheck, UUID teamId,
        CallChannel channel, String agentEmployeeId, Instant at, SlotStatus status, UUID testCallId,
        String note, String addedBy, Instant addedAt, RetestOf retestOf) {

    /** A slot that is no re-test. */
    public Slot(UUID id, UUID planId, String month, UUID drawId, boolean spotCheck, UUID teamId, CallChannel channel,
            String agentEmployeeId, Instant at, SlotStatus status, UUID testCallId, String note, String addedBy,
            Instant addedAt) {
        this(id, planId, month, drawId, spotCheck, teamId, channel, agentEmployeeId, at, status, testCallId, note,
                addedBy, addedAt, null);
    }
}
